package dev.vault.core.load;

import com.google.common.collect.ImmutableList;
import dev.vault.core.dialect.ExpressionReference;
import dev.vault.core.model.DerivedColumn;
import dev.vault.core.model.HashedColumn;
import dev.vault.core.model.Location;
import dev.vault.core.model.Model;
import dev.vault.core.model.RecordSource;
import dev.vault.core.model.Source;
import dev.vault.core.model.Stage;
import dev.vault.core.model.StandardColumns;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Checks sources and their stages: columns, record sources, derived columns and the names a stage hashes. */
final class StageValidator
        extends ModelChecks
{
    StageValidator(ModelChecks checks)
    {
        super(checks);
    }

    Source source(Source source)
    {
        Set<String> names = new HashSet<>();
        source.columns().forEach(column -> {
            if (!names.add(column.name())) {
                problems.add(column.location(), "column '%s' is listed twice in source '%s'", column.name(), source.name());
            }
            if (column.name().equals(StandardColumns.RECORD_SOURCE) && !source.recordSource().equals(new RecordSource.FromColumn(StandardColumns.RECORD_SOURCE))) {
                problems.add(column.location(), "source '%s' has a column named 'record_source', a name vault gives to a column of every staging view; "
                        + "to stage each row with it, say 'record-source: {column: record_source}', else leave it out of 'columns:'", source.name());
            }
            else if (column.name().equals(StandardColumns.LOAD_DATETIME)) {
                problems.add(column.location(), "source '%s' has a column named '%s', a name vault gives to a column of every staging view; "
                        + "leave it out of 'columns:' or expose the table through a view that renames it", source.name(), column.name());
            }
        });
        recordSource(source, names);
        if (source.columns().isEmpty()) {
            problems.add(source.location(), "source '%s' has no columns", source.name());
        }
        if (!source.loadTimestamp().isEmpty()) {
            Location where = at(source, "load-timestamp", source.loadTimestamp());
            source.column(source.loadTimestamp()).ifPresentOrElse(
                    column -> {
                        if (!dialect.typeFamily(column.type()).isTimestamp()) {
                            problems.add(where, "load-timestamp column '%s' of source '%s' is %s; it must be a timestamp, e.g. '%s'",
                                    column.name(), source.name(), column.type(), dialect.loadTimestampType());
                        }
                    },
                    () -> problems.add(where, "source '%s' has no column '%s' for its load-timestamp%s",
                            source.name(), source.loadTimestamp(), Suggestions.hint(source.loadTimestamp(), names)));
        }
        return source;
    }

    /** A record source per row names a column of the source, or is an expression over them. */
    private void recordSource(Source source, Set<String> columns)
    {
        recordSource(source, source.recordSource(), columns, " (a column under 'columns:')", "");
    }

    /**
     * A record source per row names a column the model's rows have, or is a single expression
     * over them; {@code columnWhere} and {@code expressionWhere} tell the user which columns those
     * are, after a column's name or an expression's.
     */
    private void recordSource(Model model, RecordSource recordSource, Set<String> columns, String columnWhere, String expressionWhere)
    {
        String what = model.kind().displayName() + " '" + model.name() + "'";
        switch (recordSource) {
            case RecordSource.Fixed ignored -> {}
            case RecordSource.FromColumn column -> {
                if (!columns.contains(column.column())) {
                    problems.add(at(model, "record-source", column.column()), "%s has no column '%s' for its record-source%s%s",
                            what, column.column(), columnWhere, Suggestions.hint(column.column(), columns));
                }
            }
            case RecordSource.FromSql sql -> {
                Optional<String> unsafe = dialect.unsafeExpression(sql.sql());
                if (sql.sql().isBlank() || unsafe.isPresent()) {
                    problems.add(sql.location(), "'record-source: {sql: ...}' of %s must be a single SQL expression over its columns: %s",
                            what, unsafe.orElse("it is empty"));
                    return;
                }
                for (ExpressionReference reference : dialect.columnReferences(sql.sql())) {
                    if (!columns.contains(reference.name())) {
                        problems.add(sql.location(), "unknown column '%s' in the record-source of %s%s%s",
                                reference.name(), what, expressionWhere, Suggestions.hint(reference.name(), columns));
                    }
                }
            }
        }
    }

    Stage stage(Stage stage)
    {
        Optional<Source> source = reference(stage, "source", stage.source(), Source.class);
        if (source.isEmpty()) {
            unresolvedStages.add(stage.name());
            return stage;
        }
        Set<String> available = new LinkedHashSet<>();
        source.get().columns().forEach(column -> available.add(column.name()));
        for (DerivedColumn derived : stage.derivedColumns()) {
            Location where = at(stage, "derived-columns", derived.name());
            if (available.contains(derived.name()) || RESERVED_STAGE_COLUMNS.contains(derived.name())) {
                problems.add(derived.location(), "derived column '%s' of stage '%s' has the name of an existing column; give it another name, e.g. '%s_clean'",
                        derived.name(), stage.name(), derived.name());
                continue;
            }
            Optional<String> unsafe = dialect.unsafeExpression(derived.sql());
            if (unsafe.isPresent()) {
                problems.add(where, "derived column '%s' of stage '%s' is not a single SQL expression: %s", derived.name(), stage.name(), unsafe.get());
                available.add(derived.name());
                continue;
            }
            for (ExpressionReference reference : dialect.columnReferences(derived.sql())) {
                if (!available.contains(reference.name())) {
                    problems.add(where, "unknown column '%s' in derived column '%s' of stage '%s' (columns of source '%s' and earlier derived columns)%s",
                            reference.name(), derived.name(), stage.name(), source.get().name(), Suggestions.hint(reference.name(), available));
                }
            }
            available.add(derived.name());
        }
        // the stage's record source is made in the view after its derived columns, before the load columns and hashes
        stage.recordSource().ifPresent(recordSource -> recordSource(stage, recordSource, available,
                " (a column of source '%s' or a derived column)".formatted(source.get().name()),
                " (columns of source '%s' and derived columns)".formatted(source.get().name())));
        available.addAll(RESERVED_STAGE_COLUMNS);
        stage.identity().ifPresent(identity -> {
            for (String column : identity.recordKey()) {
                checkAvailable(stage, "identity/record-key", column, available);
            }
            identity.name().ifPresent(column -> checkAvailable(stage, "identity/name", column, available));
            identity.email().ifPresent(column -> checkAvailable(stage, "identity/email", column, available));
            identity.phone().ifPresent(column -> checkAvailable(stage, "identity/phone", column, available));
            identity.parts().values().forEach(part -> checkAvailable(stage, "identity/parts/" + part.name(), part.column(), available));
        });
        Set<String> hashed = new HashSet<>();
        for (HashedColumn column : ImmutableList.<HashedColumn>builder().addAll(stage.hashKeys()).addAll(stage.hashdiffs()).build()) {
            if (available.contains(column.name()) || !hashed.add(column.name())) {
                problems.add(column.location(), "hashed column '%s' of stage '%s' has the name of another column; give it another name", column.name(), stage.name());
            }
            String field = (column.kind() == HashedColumn.Kind.HASH_KEY ? "hash-keys/" : "hashdiffs/") + column.name();
            for (String part : column.columns()) {
                if (!available.contains(part)) {
                    problems.add(at(stage, field, part), "unknown column '%s' in '%s' of stage '%s'%s",
                            part, column.name(), stage.name(), Suggestions.hint(part, available));
                }
            }
        }
        return stage;
    }

    private void checkAvailable(Stage stage, String field, String column, Set<String> available)
    {
        if (!available.contains(column)) {
            problems.add(at(stage, field, column), "unknown column '%s' in 'identity' of stage '%s'%s", column, stage.name(), Suggestions.hint(column, available));
        }
    }
}
