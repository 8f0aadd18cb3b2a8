package dev.vault.benchmarks.pipeline;

import dev.vault.benchmarks.pipeline.PipelineBenchmark.Result;
import dev.vault.benchmarks.pipeline.PipelineBenchmark.Step;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pipeline benchmark's results as a Markdown table, the targets, the slowest statements, and JSON. */
final class PipelineReport
{
    // issue #10's targets
    /** Full load at most this many times the SQL floor (at 100k and at 1M). */
    static final double FULL_TO_FLOOR = 1.5;
    /** A 1% incremental at most this fraction of the full load: at 1M, and at 100k. */
    static final double INCREMENTAL_TO_FULL_1M = 0.10;
    static final double INCREMENTAL_TO_FULL_100K = 0.20;
    /** A no-op re-run within this many seconds (after engine start), writing no snapshot. */
    static final double NOOP_SECONDS = 2;
    /** End-to-end throughput of the full load: at 1M, and at 100k. */
    static final double LEADS_PER_SECOND_1M = 10_000;
    static final double LEADS_PER_SECOND_100K = 3_000;
    /** The full load of 10k leads within this many seconds. */
    static final double FULL_10K_SECONDS = 15;

    private PipelineReport() {}

    /** One row per size and step, in Markdown, to paste into the README. */
    static String table(List<Result> results)
    {
        StringBuilder out = new StringBuilder();
        out.append("| leads | step | seconds | leads/s | × floor | statements | in engine s | outside engine s | Trino CPU s | snapshots | data files | peak heap MB | major GCs | live after major GC MB | GC s |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result result : results) {
            row(out, result, result.full(), result.leads(), "%.2f".formatted(result.fullToFloor()));
            row(out, result, result.floor(), result.leads(), "1");
            row(out, result, result.incremental(), result.batchNew() + result.batchChanged(), "");
            row(out, result, result.noop(), 0, "");
            result.fixed().ifPresent(fixed -> row(out, result, fixed, result.fixedNew() + result.fixedChanged(), ""));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Result result, Step step, int leads, String floor)
    {
        String name = switch (step.name()) {
            case "full" -> "full load";
            case "floor" -> "SQL floor";
            case "incremental" -> "incremental (+%,d new, %,d changed)".formatted(result.batchNew(), result.batchChanged());
            case "batch" -> "fixed batch (+%,d new, %,d changed)".formatted(result.fixedNew(), result.fixedChanged());
            default -> "no-op re-run";
        };
        // the floor is not a vault run: its statements are not counted
        boolean counted = !step.name().equals("floor");
        out.append(String.format(Locale.ROOT, "| %,d | %s | %.1f | %s | %s | %s | %s | %s | %s | %d | %d | %,d | %d | %s | %.1f |%n", result.leads(), name, step.seconds(),
                leads == 0 ? "" : "%,.0f".formatted(leads / step.seconds()), floor,
                counted ? Long.toString(step.execution().statements()) : "",
                counted ? "%.1f".formatted(seconds(step.execution().engine())) : "",
                counted ? "%.1f".formatted(seconds(step.execution().outsideEngine(step.duration()))) : "",
                counted ? "%.1f".formatted(seconds(step.execution().cpu())) : "",
                step.snapshots(), step.dataFiles(), step.peakHeapBytes() >> 20, step.majorCollections(),
                step.peakLiveHeapBytes().isPresent() ? "%,d".formatted(step.peakLiveHeapBytes().getAsLong() >> 20) : "",
                step.gc().toMillis() / 1000.0));
    }

    /** The targets, met or missed, per size. */
    static String targets(List<Result> results, Duration engineStart)
    {
        StringBuilder out = new StringBuilder("targets (reported, not asserted); engine start %.1f s%n".formatted(engineStart.toNanos() / 1e9));
        for (Result result : results) {
            out.append("  %,d leads:%n".formatted(result.leads()));
            boolean large = result.leads() >= 1_000_000;
            if (result.leads() >= 100_000) {
                check(out, "full load <= %.1fx the SQL floor".formatted(FULL_TO_FLOOR), result.fullToFloor() <= FULL_TO_FLOOR, "%.2fx".formatted(result.fullToFloor()));
                double throughput = large ? LEADS_PER_SECOND_1M : LEADS_PER_SECOND_100K;
                check(out, ">= %,.0f leads/s end to end".formatted(throughput), result.leadsPerSecond() >= throughput, "%,.0f leads/s".formatted(result.leadsPerSecond()));
                double incremental = large ? INCREMENTAL_TO_FULL_1M : INCREMENTAL_TO_FULL_100K;
                check(out, "1%% incremental <= %.0f%% of the full load".formatted(incremental * 100), result.incrementalToFull() <= incremental,
                        "%.0f%%".formatted(result.incrementalToFull() * 100));
            }
            else {
                check(out, "full load <= %.0f s".formatted(FULL_10K_SECONDS), result.full().seconds() <= FULL_10K_SECONDS, "%.1f s (%.2fx the floor)".formatted(result.full().seconds(), result.fullToFloor()));
            }
            check(out, "no-op writes no snapshot", result.noop().snapshots() == 0, result.noop().snapshots() + " snapshots" + (result.noopModels().isEmpty() ? "" : ", ran: " + result.noopModels()));
            check(out, "no-op <= %.0f s after engine start".formatted(NOOP_SECONDS), result.noop().seconds() <= NOOP_SECONDS, "%.1f s".formatted(result.noop().seconds()));
            check(out, "the floor builds the same tables as vault", result.floorAgrees(), result.comparison().stream()
                    .map(table -> "%s %,d/%,d".formatted(table.table(), table.vaultRows(), table.floorRows())).toList().toString());
        }
        List<Result> fixed = results.stream().filter(result -> result.fixed().isPresent()).toList();
        if (fixed.size() > 1) {
            // issue #10: the cost grows with the batch, not the history
            out.append("  the same batch on a larger history (reported):%n".formatted());
            Result smallest = fixed.getFirst();
            for (Result result : fixed) {
                double seconds = result.fixed().orElseThrow().seconds();
                out.append("    %,d leads + %,d: %.1f s (%.2fx the %,d-lead history's)%n".formatted(result.leads(), result.fixedNew() + result.fixedChanged(), seconds,
                        seconds / smallest.fixed().orElseThrow().seconds(), smallest.leads()));
            }
        }
        return out.toString();
    }

    private static void check(StringBuilder out, String target, boolean met, String measured)
    {
        out.append("    [%s] %-52s %s%n".formatted(met ? "met" : "MISSED", target, measured));
    }

    /** The slowest statements of each step, from the engine's history, and the floor's. */
    static String profile(List<Result> results)
    {
        StringBuilder out = new StringBuilder("slowest statements (engine query history)\n");
        for (Result result : results) {
            for (Step step : steps(result, false)) {
                out.append("  %,d leads, %s (%.1f s):%n".formatted(result.leads(), step.name(), step.seconds()));
                step.statements().stream().limit(8).forEach(query -> out.append("    %7.2f s  %s%n".formatted(query.seconds(), query.label())));
            }
            out.append("  %,d leads, floor statements:%n".formatted(result.leads()));
            result.floorStatements().stream().filter(statement -> statement.duration().toMillis() >= 200)
                    .forEach(statement -> out.append("    %7.2f s  %s%n".formatted(statement.duration().toNanos() / 1e9, statement.name())));
        }
        return out.toString();
    }

    static Map<String, Object> json(List<Result> results, Duration engineStart, String note, Instant date, int cores, long maxHeap, String jvm)
    {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", date.toString());
        report.put("machine", Map.of("cores", cores, "maxHeapBytes", maxHeap, "jvm", jvm, "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        report.put("note", note);
        report.put("engineStartSeconds", engineStart.toNanos() / 1e9);
        report.put("targets", Map.of("fullToFloorMax", FULL_TO_FLOOR, "incrementalToFullMaxAt1M", INCREMENTAL_TO_FULL_1M, "incrementalToFullMaxAt100k", INCREMENTAL_TO_FULL_100K,
                "noopSecondsMax", NOOP_SECONDS, "leadsPerSecondMinAt1M", LEADS_PER_SECOND_1M, "leadsPerSecondMinAt100k", LEADS_PER_SECOND_100K, "full10kSecondsMax", FULL_10K_SECONDS));
        report.put("sizes", results.stream().map(PipelineReport::size).toList());
        return report;
    }

    private static Map<String, Object> size(Result result)
    {
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("leads", result.leads());
        size.put("batchNewLeads", result.batchNew());
        size.put("batchChangedLeads", result.batchChanged());
        size.put("fixedBatchNewLeads", result.fixedNew());
        size.put("fixedBatchChangedLeads", result.fixedChanged());
        size.put("generateSeconds", result.generate().toNanos() / 1e9);
        size.put("bronzeLoad", Map.of("rows", result.bronze().rows(), "statements", result.bronze().statements(), "seconds", result.bronze().duration().toNanos() / 1e9));
        size.put("batchLoad", Map.of("rows", result.batch().rows(), "statements", result.batch().statements(), "seconds", result.batch().duration().toNanos() / 1e9));
        size.put("leadsPerSecond", result.leadsPerSecond());
        size.put("fullToFloor", result.fullToFloor());
        size.put("incrementalToFull", result.incrementalToFull());
        Map<String, Object> steps = new LinkedHashMap<>();
        for (Step step : steps(result, true)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("seconds", step.seconds());
            json.put("rowsWritten", step.rowsWritten());
            json.put("snapshots", step.snapshots());
            json.put("dataFiles", step.dataFiles());
            json.put("peakHeapBytes", step.peakHeapBytes());
            step.peakLiveHeapBytes().ifPresent(live -> json.put("liveHeapBytesAfterMajorGc", live));
            json.put("majorCollections", step.majorCollections());
            json.put("gcSeconds", step.gc().toMillis() / 1000.0);
            json.put("models", step.modelSeconds());
            json.put("modelDetails", step.modelDetails());
            json.put("slowestStatements", step.statements());
            steps.put(step.name(), json);
        }
        size.put("steps", steps);
        size.put("floorStatements", result.floorStatements().stream().map(statement -> Map.of("name", statement.name(), "seconds", statement.duration().toNanos() / 1e9,
                "rows", statement.rows())).toList());
        size.put("comparison", result.comparison());
        size.put("floorAgrees", result.floorAgrees());
        size.put("noopModelsThatRan", result.noopModels());
        return size;
    }

    /** The steps of a size, in the order they ran. */
    private static List<Step> steps(Result result, boolean withFloor)
    {
        List<Step> steps = new ArrayList<>();
        steps.add(result.full());
        if (withFloor) {
            steps.add(result.floor());
        }
        steps.add(result.incremental());
        steps.add(result.noop());
        result.fixed().ifPresent(steps::add);
        return steps;
    }

    private static double seconds(Duration duration)
    {
        return duration.toNanos() / 1e9;
    }
}
