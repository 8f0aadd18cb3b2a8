package dev.vault.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

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

    /** The columns of this stage's view, in view order, with their Trino types. */
    public ImmutableMap<String, String> columns(Source source)
    {
        Map<String, String> columns = new LinkedHashMap<>();
        source.columns().forEach(column -> columns.put(column.name(), column.type()));
        derivedColumns.forEach(column -> columns.putIfAbsent(column.name(), column.type()));
        columns.putIfAbsent(StandardColumns.LOAD_DATETIME, StandardColumns.LOAD_DATETIME_TYPE);
        columns.putIfAbsent(StandardColumns.RECORD_SOURCE, "varchar");
        hashKeys.forEach(column -> columns.putIfAbsent(column.name(), StandardColumns.HASH_TYPE));
        hashdiffs.forEach(column -> columns.putIfAbsent(column.name(), StandardColumns.HASH_TYPE));
        identity.ifPresent(ignored -> {
            columns.putIfAbsent(StageIdentity.RECORD, StandardColumns.HASH_TYPE);
            columns.putIfAbsent(StageIdentity.NAME, "varchar");
            columns.putIfAbsent(StageIdentity.EMAIL, "varchar");
            columns.putIfAbsent(StageIdentity.PHONE, "varchar");
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
