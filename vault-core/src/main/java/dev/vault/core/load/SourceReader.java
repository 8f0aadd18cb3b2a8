package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.vault.core.dialect.TypeFamily;
import dev.vault.core.maintenance.Durations;
import dev.vault.core.model.Column;
import dev.vault.core.model.Freshness;
import dev.vault.core.model.Source;

import java.time.Duration;
import java.util.Optional;

/** Reads the {@code sources:} of a model file: a source's table, columns, load timestamp and freshness. */
final class SourceReader
        extends ModelFieldsReader
{
    private static final ImmutableSet<String> SOURCE_KEYS = ImmutableSet.of("tags", "name", "description", "schema", "table", "record-source", "load-timestamp", "columns", "freshness", "maintenance", DataTestReader.KEY);
    private static final ImmutableSet<String> FRESHNESS_KEYS = ImmutableSet.of("warn-after", "error-after", "loaded-at-field");
    private static final ImmutableSet<String> COLUMN_KEYS = ImmutableSet.of("name", "type", "description", DataTestReader.KEY);

    SourceReader(ModelFieldsReader reader)
    {
        super(reader);
    }

    Source source(Fields fields)
    {
        fields.rejectUnknownKeys(SOURCE_KEYS);
        String name = fields.string("name", "");
        Optional<String> schema = fields.string("schema");
        schema.ifPresent(value -> checkName(value, "schema", fields.locationOf("schema")));
        String table = fields.string("table", name);
        checkName(table, "table", fields.locationOf("table"));
        String loadTimestamp = single(fields, "load-timestamp", fields.requiredString("load-timestamp"));
        ImmutableList.Builder<Column> columns = ImmutableList.builder();
        for (Fields column : fields.mappings("columns", "a column of " + fields.what())) {
            column.rejectUnknownKeys(COLUMN_KEYS);
            String columnName = column.requiredString("name");
            checkName(columnName, "column", column.locationOf("name"));
            columns.add(new Column(columnName, type(column, column.requiredString("type")), column.string("description", ""), column.locationOf("name")));
        }
        if (!fields.has("columns")) {
            problems.add(fields.location(), "%s is missing 'columns:' (a list of '- name: ..., type: ...')", fields.what());
        }
        ImmutableList<Column> sourceColumns = columns.build();
        Optional<Freshness> freshness = fields.node("freshness")
                .flatMap(node -> Fields.of(node, "'freshness' of " + fields.what(), problems))
                .flatMap(block -> freshness(block, sourceColumns));
        return new Source(name, fields.string("description", ""), schema, table, recordSource(fields), loadTimestamp, sourceColumns, freshness, fields.keyLocation("name"));
    }

    private Optional<Freshness> freshness(Fields fields, ImmutableList<Column> columns)
    {
        fields.rejectUnknownKeys(FRESHNESS_KEYS);
        Optional<Duration> warnAfter = freshnessDuration(fields, "warn-after");
        Optional<Duration> errorAfter = freshnessDuration(fields, "error-after");
        Optional<String> loadedAtField = fields.string("loaded-at-field");
        if (loadedAtField.isPresent()) {
            Optional<Column> column = columns.stream().filter(candidate -> candidate.name().equals(loadedAtField.get())).findFirst();
            if (column.isEmpty()) {
                problems.add(fields.locationOf("loaded-at-field"), "'loaded-at-field' of %s names '%s', which is not one of its columns%s",
                        fields.what(), loadedAtField.get(), Suggestions.hint(loadedAtField.get(), columns.stream().map(Column::name).toList()));
            }
            else if (!dialect.typeFamily(column.get().type()).isTimestamp() && dialect.typeFamily(column.get().type()) != TypeFamily.DATE) {
                problems.add(fields.locationOf("loaded-at-field"), "'loaded-at-field' of %s must be a timestamp or date column; '%s' is %s",
                        fields.what(), loadedAtField.get(), column.get().type());
            }
        }
        if (!fields.has("warn-after") && !fields.has("error-after")) {
            problems.add(fields.location(), "%s needs 'warn-after:', 'error-after:' or both, e.g. {warn-after: 6h, error-after: 1d}", fields.what());
            return Optional.empty();
        }
        if (warnAfter.isPresent() && errorAfter.isPresent() && warnAfter.get().compareTo(errorAfter.get()) > 0) {
            problems.add(fields.locationOf("warn-after"), "'warn-after' of %s (%s) is longer than its 'error-after' (%s): a source would fail before it warns",
                    fields.what(), Durations.format(warnAfter.get()), Durations.format(errorAfter.get()));
        }
        if (warnAfter.isEmpty() && errorAfter.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Freshness(warnAfter, errorAfter, loadedAtField));
    }

    private Optional<Duration> freshnessDuration(Fields fields, String key)
    {
        Optional<String> text = fields.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> duration = Durations.parse(text.get()).filter(value -> !value.isZero());
        if (duration.isEmpty()) {
            problems.add(fields.locationOf(key), "'%s' of %s must be a whole number above 0 and a unit (m, h, d) with no space, e.g. 6h or 1d; found '%s'",
                    key, fields.what(), text.get());
        }
        return duration;
    }
}
