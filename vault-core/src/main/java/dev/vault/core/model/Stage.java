package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.dialect.SqlDialect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A staging view over one source: all source columns, derived columns, the standard
 * {@code load_datetime} and {@code record_source}, and the hash keys and hashdiffs that hubs,
 * links and satellites load from.
 *
 * @param recordSource the stage's own {@code record-source:}, which its rows carry instead of the
 *         source's: two stages over one landing table can stage its rows for different systems, or
 *         make the record source from a derived column
 */
public record Stage(
        String name,
        String description,
        String source,
        Optional<RecordSource> recordSource,
        ImmutableList<DerivedColumn> derivedColumns,
        ImmutableList<HashedColumn> hashKeys,
        ImmutableList<HashedColumn> hashdiffs,
        Optional<StageIdentity> identity,
        Location location)
        implements Model
{
    public Stage
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(source, "source is null");
        requireNonNull(recordSource, "recordSource is null");
        requireNonNull(derivedColumns, "derivedColumns is null");
        requireNonNull(hashKeys, "hashKeys is null");
        requireNonNull(hashdiffs, "hashdiffs is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(location, "location is null");
    }

    /** What this stage's rows carry in {@code record_source}: the stage's own record source, else its source's. */
    public RecordSource recordSource(Source source)
    {
        checkArgument(source.name().equals(this.source), "stage %s reads source %s, not %s", name, this.source, source.name());
        return recordSource.orElse(source.recordSource());
    }

    public Optional<HashedColumn> hashKey(String column)
    {
        return hashKeys.stream().filter(key -> key.name().equals(column)).findFirst();
    }

    public Optional<HashedColumn> hashdiff(String column)
    {
        return hashdiffs.stream().filter(key -> key.name().equals(column)).findFirst();
    }

    /** The columns of this stage's view, in view order, with their types in the dialect. */
    public ImmutableMap<String, String> columns(Source source, SqlDialect dialect)
    {
        Map<String, String> columns = new LinkedHashMap<>();
        source.columns().forEach(column -> columns.put(column.name(), column.type()));
        derivedColumns.forEach(column -> columns.putIfAbsent(column.name(), column.type()));
        columns.putIfAbsent(StandardColumns.LOAD_DATETIME, dialect.loadTimestampType());
        columns.putIfAbsent(StandardColumns.RECORD_SOURCE, dialect.textType());
        hashKeys.forEach(column -> columns.putIfAbsent(column.name(), dialect.hashType()));
        hashdiffs.forEach(column -> columns.putIfAbsent(column.name(), dialect.hashType()));
        identity.ifPresent(ignored -> {
            columns.putIfAbsent(StageIdentity.RECORD, dialect.hashType());
            columns.putIfAbsent(StageIdentity.NAME, dialect.textType());
            columns.putIfAbsent(StageIdentity.EMAIL, dialect.textType());
            columns.putIfAbsent(StageIdentity.PHONE, dialect.textType());
        });
        return ImmutableMap.copyOf(columns);
    }

    @Override
    public ModelKind kind()
    {
        return ModelKind.STAGE;
    }

    @Override
    public ImmutableSet<String> dependencies()
    {
        return ImmutableSet.of(source);
    }
}
