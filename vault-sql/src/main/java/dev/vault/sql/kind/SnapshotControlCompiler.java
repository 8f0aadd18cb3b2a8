package dev.vault.sql.kind;

import dev.vault.core.model.Hub;
import dev.vault.core.model.Link;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.TableName;
import dev.vault.sql.Statement;
import dev.vault.sql.dialect.TrinoDialect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot control table: the instants PITs and bridges are built for, one a day from its
 * start ({@code snapshot_control.ftl}). Its guard has a clock: the day of the newest snapshot due
 * now, so a run on the same day after that snapshot's time skips it, and the first run after the
 * next snapshot's time loads it.
 */
public final class SnapshotControlCompiler
        implements ModelCompiler<SnapshotControl>
{
    static final String SNAPSHOT_TYPE = TrinoDialect.LOAD_DATETIME_TYPE;

    private final CompileContext context;

    public SnapshotControlCompiler(CompileContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public CompiledModel compile(SnapshotControl control, TableName target)
    {
        List<ColumnSpec> columns = List.of(
                ColumnSpec.of(SnapshotControl.SNAPSHOT_DATETIME, SNAPSHOT_TYPE, true, "The snapshot: the state of the vault at this instant"),
                ColumnSpec.of(SnapshotControl.SNAPSHOT_DATE, "date", true, "The day of the snapshot (UTC)"),
                ColumnSpec.of("is_weekly", "boolean", true, "The snapshot of a Monday"),
                ColumnSpec.of("is_monthly", "boolean", true, "The snapshot of the first day of a month"),
                ColumnSpec.of("is_yearly", "boolean", true, "The snapshot of January 1st"));
        TableSql table = context.createTable(control, target, columns, List.of(), List.of(SnapshotControl.SNAPSHOT_DATETIME));
        String load = context.render("snapshot_control.ftl", Map.of(
                "model", CompileContext.header(control),
                "target", target,
                "start", control.start().toString(),
                "end", control.end().map(Object::toString).orElse(""),
                "seconds", control.time().toSecondOfDay(),
                "time", control.time().toString()));
        return CompiledModel.of(context.guardedLoad(control, target, List.of(
                new Statement(control.name(), Statement.Kind.CREATE_TABLE, target, table.sql()),
                new Statement(control.name(), Statement.Kind.LOAD, target, load)), Optional.of(due(control))), table.definition());
    }

    /**
     * The day of the newest snapshot due now, as the load computes it: today (UTC, or the end
     * day when that is earlier) once the snapshot time has passed, else the day before. It
     * changes exactly when the load would insert a snapshot it could not insert before.
     */
    static String due(SnapshotControl control)
    {
        String lastDay = control.end()
                .map(end -> "least(DATE '" + end + "', CAST(current_timestamp AT TIME ZONE 'UTC' AS date))")
                .orElse("CAST(current_timestamp AT TIME ZONE 'UTC' AS date)");
        return "SELECT CAST(CASE WHEN with_timezone(date_add('second', " + control.time().toSecondOfDay() + ", CAST(last_day AS timestamp(6))), 'UTC') <= current_timestamp\n"
                + "    THEN last_day ELSE date_add('day', -1, last_day) END AS varchar) AS due\n"
                + "FROM (SELECT " + lastDay + " AS last_day) AS bounds";
    }

    /** The hash key of a PIT's or bridge's hub or link. */
    static String hashKey(CompileContext context, String parent)
    {
        return switch (context.project().model(parent)) {
            case Hub hub -> hub.hashKey();
            case Link link -> link.hashKey();
            default -> throw new IllegalStateException("PIT parent is not a hub or link: " + parent);
        };
    }
}
