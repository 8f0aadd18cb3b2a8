package dev.vault.benchmarks.truth;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentityKey;
import dev.vault.core.identity.IdentityPart;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.core.identity.IdentityUnifier;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Project;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StageIdentity;
import dev.vault.core.model.TableName;
import dev.vault.runner.ModelResult;
import dev.vault.runner.QueryResult;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.SqlText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * Runs generated leads through the real SQL unification: the repository's example project
 * ({@code vault.yml} and {@code models/}) is copied into a work folder, with its seed path
 * pointed at the generated leads (written by {@link LeadCsvWriter}) and its {@code identity:}
 * block set to the settings under test; then {@code seed} and {@code run} on a fresh embedded
 * Trino + Iceberg warehouse, and the persons are read back from the staging views joined to
 * {@code hub_pessoa_resolved}, keyed by the generator's record ids, with the junk keys of
 * {@code hub_pessoa_junk_keys}.
 *
 * <p>{@code vault seed} replaces a table with one {@code CREATE TABLE AS SELECT ... FROM (VALUES ...)}
 * statement, and Trino rejects statements longer than 1,000,000 characters
 * ({@code query.max-length}): about 4,300 rows of these sources. So the seed files hold the first
 * {@value #SEED_ROWS} rows of each source, and the rest are appended to the seeded tables with
 * {@code INSERT ... SELECT CAST(...) FROM (VALUES ...)} statements of the same literals and casts,
 * each under {@value #MAX_STATEMENT_CHARS} characters. All rows, as CSV, are in
 * {@code <work>/leads} with {@code truth.csv}.
 */
public final class SqlUnification
{
    /** The engine's own log, relative to the copied project's target-path. */
    public static final Path ENGINE_LOG = Path.of("logs", "trino.log");

    /** Rows of each source the seed files hold; the rest is appended. */
    public static final int SEED_ROWS = 2_000;
    /** The longest append statement, under Trino's default query.max-length of 1,000,000. */
    public static final int MAX_STATEMENT_CHARS = 900_000;

    private static final Pattern ROUND = Pattern.compile("round (\\d+): (\\d+) pointer jumps, (\\d+) trees hooked");

    private SqlUnification() {}

    /**
     * What the SQL unification found, and how long it took.
     *
     * @param result generator record id -> person (hk_pessoa), and the junk keys as the hub reported them (hash values)
     * @param junkSamples {@code key_name/key_value} -> the normalized parts the hub wrote beside a junk key, e.g. {@code teste / 11999999999}
     * @param engineStart starting the embedded Trino and creating the identity functions
     * @param seed the seed of the three bronze tables (their first {@value #SEED_ROWS} rows each)
     * @param append appending the other rows to the seeded tables
     * @param run every model of the example project
     * @param identityHub the identity hub's result: persons inserted, records, merges, junk keys, rounds
     * @param rounds the hub's clustering rounds as the runner reported them
     * @param read reading the persons and junk keys back
     * @param project the copied project
     */
    public record Outcome(
            IdentityUnifier.Result result,
            ImmutableMap<String, String> junkSamples,
            Duration engineStart,
            RunResult seed,
            Append append,
            RunResult run,
            ModelResult identityHub,
            ImmutableList<Round> rounds,
            Duration read,
            Path project)
    {
        public Outcome
        {
            requireNonNull(result, "result is null");
            requireNonNull(junkSamples, "junkSamples is null");
            requireNonNull(engineStart, "engineStart is null");
            requireNonNull(seed, "seed is null");
            requireNonNull(append, "append is null");
            requireNonNull(run, "run is null");
            requireNonNull(identityHub, "identityHub is null");
            requireNonNull(rounds, "rounds is null");
            requireNonNull(read, "read is null");
            requireNonNull(project, "project is null");
        }

        /** The timings and the identity hub's rounds, as text. */
        public String formatTimings()
        {
            StringBuilder out = new StringBuilder();
            out.append("SQL unification on the embedded Trino (%s)%n".formatted(project));
            out.append("  %-34s %10.1f s%n".formatted("engine start", seconds(engineStart)));
            out.append("  %-34s %10.1f s   %s%n".formatted("seed (vault seed, 3 bronze tables)", seconds(seed.duration()),
                    seed.models().stream().map(model -> model.model() + " " + model.rowsWritten().orElse(0) + " rows").collect(Collectors.joining(", "))));
            out.append("  %-34s %10.1f s   %,d rows in %d INSERT statements%n".formatted("append the rest to bronze", seconds(append.duration()),
                    append.rows(), append.statements()));
            out.append("  %-34s %10.1f s%n".formatted("run (every model)", seconds(run.duration())));
            for (ModelResult model : run.models()) {
                out.append("    %-32s %10.1f s   %s%n".formatted(model.model(), seconds(model.duration()), model.detail()));
            }
            out.append("  %-34s %10.1f s%n".formatted("reading persons and junk keys", seconds(read)));
            out.append("  identity resolution of %s: %s in %.1f s%n".formatted(identityHub.model(), identityHub.detail(), seconds(identityHub.duration())));
            for (Round round : rounds) {
                out.append("    round %2d: %d pointer jumps, %,d trees hooked%n".formatted(round.round(), round.pointerJumps(), round.treesHooked()));
            }
            return out.toString();
        }
    }

    /** Rows appended to the seeded bronze tables beyond what one seed statement can hold. */
    public record Append(long rows, int statements, Duration duration) {}

    /** One round of the SQL clustering: pointer jumps until every tree is a star, then one hook. */
    public record Round(int round, int pointerJumps, long treesHooked) {}

    /**
     * Copies the example project from {@code repository} into {@code work}/project, seeds it
     * with {@code truth}'s leads and runs it on an embedded engine over {@code work}/warehouse.
     * The engine is stopped before this returns. {@code progress} hears one line per seeded
     * table, model and clustering round.
     *
     * @throws IllegalStateException when a seed or model fails, or the persons read back do not
     *         cover exactly the generated records; the work folder is left for inspection
     */
    public static Outcome run(GroundTruth truth, IdentitySettings settings, Path repository, Path work, Consumer<String> progress)
    {
        Path project = copyProject(repository, work.resolve("project"), settings);
        LeadCsvWriter.write(work.resolve("leads"), truth.leads());
        List<GeneratedLead> seeded = new ArrayList<>();
        List<GeneratedLead> appended = new ArrayList<>();
        Map<Source, Integer> rows = new EnumMap<>(Source.class);
        for (GeneratedLead lead : LeadCsvWriter.ordered(truth.leads())) {
            (rows.merge(lead.source(), 1, Integer::sum) <= SEED_ROWS ? seeded : appended).add(lead);
        }
        LeadCsvWriter.writeSources(project.resolve("seeds"), seeded);

        List<Round> rounds = new ArrayList<>();
        Duration[] engineStart = {Duration.ZERO};
        VaultListener listener = new VaultListener()
        {
            @Override
            public void engineReady(String description, Duration startup)
            {
                engineStart[0] = startup;
                progress.accept("engine ready in %.1f s: %s".formatted(seconds(startup), description));
            }

            @Override
            public void modelFinished(ModelResult result, int index, int total)
            {
                progress.accept("%-28s %-10s %6.1f s  %s%s".formatted(result.model(), result.status().name().toLowerCase(Locale.ROOT),
                        seconds(result.duration()), result.detail(), result.error().map(error -> ": " + error).orElse("")));
            }

            @Override
            public void modelProgress(String model, String message)
            {
                progress.accept(model + " " + message);
                Matcher matcher = ROUND.matcher(message);
                if (matcher.matches()) {
                    rounds.add(new Round(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Long.parseLong(matcher.group(3))));
                }
            }
        };
        try (Vault vault = Vault.configure()
                .projectDirectory(project)
                .warehouse(work.resolve("warehouse"))
                .engineLog(ENGINE_LOG)
                .listener(listener)
                .load()) {
            checkState(vault.project().config().identity().equals(settings), "the copied project's identity settings %s are not %s",
                    vault.project().config().identity(), settings);
            vault.jdbcUrl(); // starts the engine, so that its start is not counted in the seed

            RunResult seed = vault.seed();
            checkState(seed.successful(), "the seed failed: %s", seed.failures().stream().map(failure -> failure.error().orElse(failure.detail())).toList());
            Append append = append(vault, appended);
            progress.accept("appended %,d rows to the bronze tables in %d statements, %.1f s".formatted(append.rows(), append.statements(), seconds(append.duration())));
            RunResult run = vault.run();
            checkState(run.failures().isEmpty() && run.successful(), "the run failed: %s", run.models().stream()
                    .filter(ModelResult::failed).map(failure -> failure.model() + ": " + failure.error().orElse(failure.detail())).toList());

            Stopwatch reading = Stopwatch.createStarted();
            Hub hub = identityHub(vault.project());
            Map<String, String> personOf = readPersons(vault, hub, truth);
            List<IdentityUnifier.JunkKey> junk = new ArrayList<>();
            Map<String, String> samples = new HashMap<>();
            TableName junkTable = vault.project().refTable(hub.junkKeysTable());
            for (List<Object> row : vault.query("SELECT key_name, key_value, sample, records FROM " + junkTable).rows()) {
                String key = (String) row.get(0);
                String value = (String) row.get(1);
                junk.add(new IdentityUnifier.JunkKey(key, value, ((Number) row.get(3)).intValue()));
                samples.put(key + "/" + value, (String) row.get(2));
            }
            // the unifier's order: most shared first
            junk.sort(Comparator.comparingInt(IdentityUnifier.JunkKey::records).reversed()
                    .thenComparing(IdentityUnifier.JunkKey::key).thenComparing(IdentityUnifier.JunkKey::value));
            Duration read = reading.elapsed();

            return new Outcome(new IdentityUnifier.Result(ImmutableMap.copyOf(personOf), ImmutableList.copyOf(junk)), ImmutableMap.copyOf(samples),
                    engineStart[0], seed, append, run, run.model(hub.name()), ImmutableList.copyOf(rounds), read, project);
        }
    }

    /**
     * Appends {@code leads} to their sources' bronze tables, each row with the values and casts the
     * seed would use (an empty field is NULL), in statements of at most {@value #MAX_STATEMENT_CHARS} characters.
     */
    private static Append append(Vault vault, List<GeneratedLead> leads)
    {
        Stopwatch stopwatch = Stopwatch.createStarted();
        SqlExecutor executor = new SqlExecutor(vault.session());
        Project project = vault.project();
        long rows = 0;
        int statements = 0;
        for (Source source : Source.values()) {
            dev.vault.core.model.Source model = project.model(source.table(), dev.vault.core.model.Source.class);
            List<String> columns = List.of(LeadCsvWriter.header(source).split(","));
            String names = columns.stream().map(SqlText::identifier).collect(Collectors.joining(", "));
            String head = "INSERT INTO %s (%s)%nSELECT %s%nFROM (%n    VALUES%n".formatted(SqlText.table(project.tableName(model)), names,
                    columns.stream().map(column -> "CAST(%s AS %s)".formatted(SqlText.identifier(column),
                            model.column(column).orElseThrow(() -> new IllegalStateException(source.table() + " has no column " + column)).type()))
                            .collect(Collectors.joining(", ")));
            String tail = "%n) AS seed (%s)".formatted(names);
            StringBuilder values = new StringBuilder();
            int pending = 0;
            for (GeneratedLead lead : leads) {
                if (lead.source() != source) {
                    continue;
                }
                String row = Stream.of(LeadCsvWriter.fields(lead))
                        .map(value -> value == null || value.isEmpty() ? "NULL" : SqlText.literal(value))
                        .collect(Collectors.joining(", ", "        (", ")"));
                if (pending > 0 && head.length() + values.length() + 2 + row.length() + tail.length() > MAX_STATEMENT_CHARS) {
                    rows += insert(executor, head + values + tail, pending);
                    statements++;
                    values.setLength(0);
                    pending = 0;
                }
                values.append(pending > 0 ? ",\n" : "").append(row);
                pending++;
            }
            if (pending > 0) {
                rows += insert(executor, head + values + tail, pending);
                statements++;
            }
        }
        return new Append(rows, statements, stopwatch.elapsed());
    }

    private static long insert(SqlExecutor executor, String sql, int expected)
    {
        try {
            long inserted = executor.update(sql);
            checkState(inserted == expected, "inserted %s rows, not %s", inserted, expected);
            return inserted;
        }
        catch (SQLException e) {
            throw new IllegalStateException("appending to bronze failed: " + e.getMessage(), e);
        }
    }

    /** Record id (as the generator made it and LeadCsvWriter wrote it) -> person, over every stage of the identity hub. */
    private static Map<String, String> readPersons(Vault vault, Hub hub, GroundTruth truth)
    {
        Project project = vault.project();
        Map<String, Source> sourceByTable = new HashMap<>();
        for (Source source : Source.values()) {
            sourceByTable.put(source.table(), source);
        }
        Map<String, GeneratedLead> leadById = new HashMap<>();
        truth.leads().forEach(lead -> leadById.put(lead.recordId(), lead));

        TableName resolved = project.refTable(hub.resolvedView());
        Map<String, String> personOf = new HashMap<>();
        Map<Source, Integer> rowsBySource = new EnumMap<>(Source.class);
        for (String stageName : hub.sources()) {
            Stage stage = project.model(stageName, Stage.class);
            Source source = requireNonNull(sourceByTable.get(stage.source()), () -> "stage " + stageName + " reads no generated source: " + stage.source());
            StageIdentity identity = stage.identity().orElseThrow(() -> new IllegalStateException("stage " + stageName + " has no identity"));
            checkState(identity.recordKey().size() == 1, "stage %s has a composite record key %s", stageName, identity.recordKey());
            String recordKey = identity.recordKey().getFirst();
            QueryResult rows = vault.query("SELECT stg.\"%s\", resolved.\"%s\" FROM %s AS stg JOIN %s AS resolved ON resolved.\"%s\" = stg.\"%s\""
                    .formatted(recordKey, hub.hashKey(), project.tableName(stage), resolved, StageIdentity.RECORD, StageIdentity.RECORD));
            for (List<Object> row : rows.rows()) {
                String recordId = (String) row.get(0);
                GeneratedLead lead = leadById.get(recordId);
                checkState(lead != null && lead.source() == source, "%s.%s = %s is no generated %s record", stageName, recordKey, recordId, source.id());
                String previous = personOf.put(recordId, (String) row.get(1));
                checkState(previous == null, "record %s of %s has two persons", recordId, stageName);
                rowsBySource.merge(source, 1, Integer::sum);
            }
        }
        if (personOf.size() != leadById.size()) {
            List<String> missing = leadById.keySet().stream().filter(id -> !personOf.containsKey(id)).sorted().limit(20).toList();
            throw new IllegalStateException("SQL resolved %,d of the %,d generated records (by source: %s); missing e.g. %s"
                    .formatted(personOf.size(), leadById.size(), rowsBySource, missing));
        }
        return personOf;
    }

    private static Hub identityHub(Project project)
    {
        List<Hub> hubs = project.models(Hub.class).stream().filter(Hub::identity).toList();
        checkState(hubs.size() == 1, "the example project should have one identity hub, not %s", hubs.stream().map(Hub::name).toList());
        return hubs.getFirst();
    }

    /**
     * The sample the SQL writes beside a junk key ({@code identity_hub.ftl}): the normalized parts
     * of the key, in its canonical order, joined with {@code " / "}.
     */
    public static String sample(IdentityKey key, IdentityHasher.Normalized parts)
    {
        return key.parts().stream().map(parts::part).collect(Collectors.joining(" / "));
    }

    /**
     * Copies {@code models/} and {@code vault.yml} of {@code repository} into {@code target}, with
     * {@code seed-paths: [seeds]} and the {@code identity:} block written from {@code settings}.
     */
    static Path copyProject(Path repository, Path target, IdentitySettings settings)
    {
        try {
            copyTree(repository.resolve("models"), target.resolve("models"));
            String config = Files.readString(repository.resolve("vault.yml"), StandardCharsets.UTF_8);
            String seeded = config.replaceFirst("(?m)^seed-paths: .*$", "seed-paths: [seeds]");
            checkState(!seeded.equals(config), "%s has no 'seed-paths:' line to point at the generated leads", repository.resolve("vault.yml"));
            int identity = seeded.indexOf("\nidentity:\n");
            checkState(identity >= 0, "%s has no top-level 'identity:' block", repository.resolve("vault.yml"));
            String rest = seeded.substring(identity + "\nidentity:\n".length());
            Matcher next = Pattern.compile("(?m)^\\S").matcher(rest);
            String after = next.find() ? rest.substring(next.start()) : "";
            String written = seeded.substring(0, identity + 1) + identityYaml(settings) + after;
            Files.writeString(target.resolve("vault.yml"), written, StandardCharsets.UTF_8);
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code identity:} block of vault.yml for {@code settings}. */
    static String identityYaml(IdentitySettings settings)
    {
        StringBuilder yaml = new StringBuilder("identity:\n");
        yaml.append("  default-country: ").append(settings.defaultCountry()).append('\n');
        yaml.append("  keys:\n");
        for (IdentityKey key : settings.keys()) {
            yaml.append("    ").append(key.name()).append(": [")
                    .append(key.parts().stream().map(IdentityPart::id).collect(Collectors.joining(", "))).append("]\n");
        }
        yaml.append("  max-records-per-key: ").append(settings.maxRecordsPerKey()).append('\n');
        return yaml.toString();
    }

    private static void copyTree(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path destination = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes a folder and everything in it. */
    public static void deleteTree(Path folder)
    {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double seconds(Duration duration)
    {
        return duration.toNanos() / 1e9;
    }
}
