package dev.vault.runner.cli;

import dev.vault.core.ErrorCode;
import dev.vault.core.maintenance.Durations;
import dev.vault.runner.FreshnessResult;
import dev.vault.runner.SourceFreshness;
import dev.vault.runner.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code vault freshness}: dbt's {@code source freshness} for bronze on Iceberg. Prints each
 * source's age and status, leaves sources.json in the target path, and exits with the data-test
 * code when a source is past its error-after, so a scheduler can hold back the run.
 */
@Command(name = "freshness", mixinStandardHelpOptions = true,
        description = "Check how old each source's newest data is (its bronze table's newest Iceberg snapshot, or its loaded-at-field) "
                + "against its 'freshness:' block; writes .vault/sources.json. Exit 5 if a source is past error-after or its age cannot be told.")
final class FreshnessCommand
        extends EngineCommand
{
    @Mixin
    SelectionOptions selection;

    @Override
    public Integer call()
    {
        Reporter reporter = reporter();
        try (Vault vault = load(reporter)) {
            FreshnessResult result = vault.freshness(selection.selected(vault));
            if (result.sources().isEmpty()) {
                reporter.message("No selected source has a 'freshness:' block, e.g. freshness: {warn-after: 6h, error-after: 1d}");
                return SUCCESS;
            }
            result.sources().forEach(source -> reporter.message(line(source)));
            long warned = result.sources().stream().filter(source -> source.status() == SourceFreshness.Status.WARN).count();
            long failed = result.sources().stream().filter(SourceFreshness::failed).count();
            reporter.message("Freshness of %d source%s: %d pass, %d warn, %d error".formatted(
                    result.sources().size(), result.sources().size() == 1 ? "" : "s", result.sources().size() - warned - failed, warned, failed));
            return result.successful() ? SUCCESS : ErrorCode.TEST_FAILED.exitCode();
        }
    }

    static String line(SourceFreshness source)
    {
        String status = switch (source.status()) {
            case PASS -> "PASS";
            case WARN -> "WARN";
            case ERROR -> "ERROR STALE";
            case RUNTIME_ERROR -> "ERROR";
        };
        StringBuilder thresholds = new StringBuilder();
        source.criteria().warnAfter().ifPresent(after -> thresholds.append("warn after ").append(Durations.format(after)));
        source.criteria().errorAfter().ifPresent(after -> thresholds.append(thresholds.isEmpty() ? "" : ", ").append("error after ").append(Durations.format(after)));
        String measured = source.loadedAtField().map(column -> "max(" + column + ")").orElse("newest snapshot");
        String age = source.age()
                .map(value -> "age %s (%s %s)".formatted(age(value), measured, source.loadedAt().orElseThrow()))
                .orElseGet(() -> source.error().orElseThrow());
        return String.format(Locale.ROOT, "%-11s %-32s %s; %s", status, source.source(), age, thresholds);
    }

    /** An age as people read it: 2d 3h, 5h 12m, 4m 10s. */
    static String age(Duration age)
    {
        if (age.isNegative()) {
            // a loaded-at value in the future: say so rather than print a negative age
            return "-" + age(age.negated());
        }
        if (age.toDays() > 0) {
            return "%dd %dh".formatted(age.toDays(), age.toHoursPart());
        }
        if (age.toHours() > 0) {
            return "%dh %dm".formatted(age.toHours(), age.toMinutesPart());
        }
        return "%dm %ds".formatted(age.toMinutes(), age.toSecondsPart());
    }
}
