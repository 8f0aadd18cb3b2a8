package dev.vault.runner;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.Freshness;
import dev.vault.core.model.Project;
import dev.vault.core.model.Source;
import dev.vault.core.model.TableName;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.TrinoQueries;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@code vault freshness}: the age of each selected source's newest data, from the newest
 * Iceberg snapshot of its bronze table (when the loader last committed) or from its
 * {@code loaded-at-field}. Reads metadata and at most one aggregate per table; writes nothing,
 * takes no run lock.
 */
final class FreshnessCheck
{
    private final Project project;
    private final SqlExecutor executor;
    private final Clock clock;

    FreshnessCheck(Project project, SqlExecutor executor, Clock clock)
    {
        this.project = requireNonNull(project, "project is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    FreshnessResult check(Collection<String> selection)
    {
        Stopwatch stopwatch = Stopwatch.createStarted();
        Instant now = clock.instant();
        ImmutableList<Source> sources = project.models().values().stream()
                .filter(Source.class::isInstance)
                .map(Source.class::cast)
                .filter(source -> selection.contains(source.name()) && source.freshness().isPresent())
                .collect(ImmutableList.toImmutableList());
        Set<TableName> existing = existingTables(sources);
        ImmutableList.Builder<SourceFreshness> results = ImmutableList.builder();
        for (Source source : sources) {
            TableName table = project.tableName(source);
            Freshness criteria = source.freshness().orElseThrow();
            if (!existing.contains(table)) {
                results.add(SourceFreshness.unknown(source.name(), table, criteria, "table %s does not exist".formatted(table)));
                continue;
            }
            String sql = criteria.loadedAtField()
                    .map(column -> TrinoQueries.newestValue(table, column))
                    .orElseGet(() -> TrinoQueries.newestCommit(table));
            try {
                Optional<Instant> loadedAt = executor.queryValue(sql).map(FreshnessCheck::instant);
                results.add(loadedAt
                        .map(instant -> SourceFreshness.measured(source.name(), table, criteria, instant, now))
                        .orElseGet(() -> SourceFreshness.unknown(source.name(), table, criteria, criteria.loadedAtField()
                                .map(column -> "column %s of %s holds no value".formatted(column, table))
                                .orElse("table %s has no snapshot".formatted(table)))));
            }
            catch (SQLException e) {
                results.add(SourceFreshness.unknown(source.name(), table, criteria, "cannot read the age of %s: %s".formatted(table, e.getMessage())));
            }
        }
        return new FreshnessResult(results.build(), now, stopwatch.elapsed());
    }

    private static Instant instant(String epochSeconds)
    {
        return Instant.ofEpochMilli(Math.round(Double.parseDouble(epochSeconds) * 1000));
    }

    private Set<TableName> existingTables(Collection<Source> sources)
    {
        Set<TableName> existing = new HashSet<>();
        // catalog, then schema: a source may live in a schema of its own
        Set<List<String>> schemas = new LinkedHashSet<>();
        sources.forEach(source -> schemas.add(List.of(project.tableName(source).catalog(), project.tableName(source).schema())));
        for (List<String> schema : schemas) {
            String catalog = schema.get(0);
            String name = schema.get(1);
            try {
                executor.query(TrinoQueries.tablesOf(catalog, name)).rows()
                        .forEach(row -> existing.add(new TableName(catalog, name, row.getFirst().toString())));
            }
            catch (SQLException e) {
                throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot list the tables of schema %s.%s: %s".formatted(catalog, name, e.getMessage()), e);
            }
        }
        return existing;
    }
}
