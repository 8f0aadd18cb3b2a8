package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.dialect.SqlDialect;
import dev.vault.core.model.Identifiers;
import dev.vault.core.model.Location;
import dev.vault.core.model.RecordSource;
import dev.vault.core.model.TableLayout;
import dev.vault.core.yaml.YamlNode;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What the readers of a model file's sections share: where the project is, the problems found so
 * far, where each value was written, the dialect that checks types, the model being read, and
 * the reading of fields every kind has (columns, types, buckets, a record source).
 */
abstract class ModelFieldsReader
{
    private static final ImmutableSet<String> RECORD_SOURCE_KEYS = ImmutableSet.of("column", "sql");

    final Path projectRoot;
    final Problems problems;
    final LocationIndex index;
    final SqlDialect dialect;
    final Position position;

    /** The model being read, and the text of its file. */
    static final class Position
    {
        String model = "";
        List<String> lines = List.of();
    }

    ModelFieldsReader(Path projectRoot, Problems problems, LocationIndex index, SqlDialect dialect)
    {
        this.projectRoot = requireNonNull(projectRoot, "projectRoot is null");
        this.problems = requireNonNull(problems, "problems is null");
        this.index = requireNonNull(index, "index is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.position = new Position();
    }

    /** A reader of another section of the same file, sharing its problems and position. */
    ModelFieldsReader(ModelFieldsReader reader)
    {
        this.projectRoot = reader.projectRoot;
        this.problems = reader.problems;
        this.index = reader.index;
        this.dialect = reader.dialect;
        this.position = reader.position;
    }

    /**
     * {@code record-source: crm}, or {@code {column: source}} or {@code {sql: ...}} for a value per
     * row: a source's, or a stage's own over its source's.
     */
    RecordSource recordSource(Fields fields)
    {
        if (!(fields.node("record-source").orElse(null) instanceof YamlNode.Mapping mapping)) {
            return new RecordSource.Fixed(fields.requiredString("record-source"));
        }
        Fields recordSource = new Fields(mapping, "'record-source' of " + fields.what(), problems);
        recordSource.rejectUnknownKeys(RECORD_SOURCE_KEYS);
        if (recordSource.has("column") == recordSource.has("sql")) {
            problems.add(mapping.location(), "'record-source' of %s needs exactly one of 'column:' (the column naming each row's system) or 'sql:' (an expression over its columns), or is one name for every row, like 'record-source: crm'",
                    fields.what());
            return new RecordSource.Fixed("");
        }
        if (recordSource.has("column")) {
            String column = recordSource.requiredString("column");
            checkName(column, "column", recordSource.locationOf("column"));
            index.put(position.model, "record-source", column, recordSource.locationOf("column"));
            return new RecordSource.FromColumn(column);
        }
        return new RecordSource.FromSql(recordSource.requiredString("sql"), recordSource.locationOf("sql"));
    }

    String column(Fields fields, String key)
    {
        String value = fields.requiredString(key);
        checkName(value, "column", fields.locationOf(key));
        return single(fields, key, value);
    }

    TableLayout layout(Fields fields)
    {
        return new TableLayout(fields.integer("buckets", TableLayout.DEFAULT_BUCKETS, 1, 4096));
    }

    String type(Fields fields, String type)
    {
        String normalized = dialect.normalizeType(type);
        if (!type.isEmpty() && !dialect.isStorableType(normalized)) {
            problems.add(fields.locationOf("type"), "'%s' is not a column type vault stores in Iceberg; %s", type, dialect.storableTypesHint());
            return dialect.textType();
        }
        return normalized;
    }

    void checkName(String name, String what, Location location)
    {
        if (!name.isEmpty()) {
            Identifiers.check(name, what).ifPresent(message -> problems.add(location, message));
        }
    }

    ImmutableList<String> values(String field, ImmutableList<Fields.Located<String>> located)
    {
        located.forEach(value -> index.put(position.model, field, value.value(), value.location()));
        return located.stream().map(Fields.Located::value).collect(ImmutableList.toImmutableList());
    }

    String single(Fields fields, String key, String value)
    {
        return single(fields, key, key, value);
    }

    String single(Fields fields, String field, String key, String value)
    {
        index.put(position.model, field, value, fields.locationOf(key));
        return value;
    }
}
