package dev.vault.benchmarks.pipeline;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Hub;
import dev.vault.core.model.Project;
import dev.vault.core.model.SnapshotControl;
import dev.vault.core.model.TableName;
import dev.vault.runner.jdbc.SqlExecutor;
import dev.vault.sql.SqlText;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * The SQL floor of a full load: hand-written, minimal statements that build the example's silver
 * and gold tables from the same staged bronze rows into a schema of their own, for comparison with
 * what {@code vault run} does. It reads vault's staging views (views over bronze: the same
 * normalization and hash keys, no data of their own) and writes plain, unpartitioned tables with
 * one {@code CREATE TABLE AS SELECT} each: no checks against rows already loaded (the tables are
 * new), no same-as link or resolved view (a first load merges nobody), no payload-conflict check,
 * no table properties (partitioning, sort order), no comments or fingerprints. It builds every
 * table vault's run builds (the same-as link aside), the snapshot control table and the bridge too,
 * so that the ratio compares like with like.
 *
 * <p>hub_pessoa is identity-resolved: persons are the connected components of the records sharing a
 * matching key. There is no cheaper SQL for that than the hub's own: the key values of every record
 * (matching keys, and the email and phone alone, whose junk values also void the keys built from
 * them), the junk values (shared by more than the limit), a star of edges per key value, then
 * hook-and-shortcut rounds over dense record numbers until no tree hooks. The person of a cluster
 * is its earliest record, as vault names it on a first load.
 */
final class FloorSql
{
    /** The tables the floor builds, each named as vault's table it stands for. */
    static final ImmutableList<String> TABLES = ImmutableList.of(
            "hub_pessoa", "hub_pessoa_records", "hub_pessoa_junk_keys", "hub_produtor", "link_pessoa_produtor", "sat_pessoa_detalhes", "control_snapshots",
            "bridge_pessoa_produtor", "mart_leads_unificados");

    /** One statement the floor ran and how long it took. */
    record Statement(String name, Duration duration, long rows)
    {
        Statement
        {
            requireNonNull(name, "name is null");
            requireNonNull(duration, "duration is null");
        }
    }

    private final Project project;
    private final String catalog;
    private final String schema;
    private final ImmutableList<String> stages;
    private final int maxRecordsPerKey;
    private final LocalDate firstSnapshot;

    /** The floor of {@code project}'s identity hub and the models over it, into {@code schema} of the project's catalog. */
    FloorSql(Project project, String schema)
    {
        this.project = requireNonNull(project, "project is null");
        this.schema = requireNonNull(schema, "schema is null");
        List<Hub> hubs = project.models(Hub.class).stream().filter(Hub::identity).toList();
        checkState(hubs.size() == 1, "the example project should have one identity hub, not %s", hubs);
        this.stages = hubs.getFirst().sources().stream().map(stage -> SqlText.table(project.refTable(stage))).collect(ImmutableList.toImmutableList());
        this.catalog = project.config().catalog();
        this.maxRecordsPerKey = project.config().identity().maxRecordsPerKey();
        List<SnapshotControl> snapshots = project.models(SnapshotControl.class);
        checkState(snapshots.size() == 1 && snapshots.getFirst().time().equals(LocalTime.MIDNIGHT) && snapshots.getFirst().end().isEmpty(),
                "the example project should have one snapshot control table of daily midnight snapshots with no end, not %s", snapshots);
        this.firstSnapshot = snapshots.getFirst().start();
    }

    String schema()
    {
        return schema;
    }

    /** A table of the floor's schema, quoted. */
    String table(String name)
    {
        return SqlText.table(new TableName(catalog, schema, name));
    }

    /** Drops what a previous floor left and creates the schema. */
    void reset(SqlExecutor executor)
    {
        for (String table : ImmutableList.<String>builder().addAll(TABLES).add("keys", "records", "edges", "labels_a", "labels_b").build()) {
            run(executor, "DROP TABLE IF EXISTS " + table(table));
        }
        run(executor, "CREATE SCHEMA IF NOT EXISTS " + SqlText.identifier(catalog) + "." + SqlText.identifier(schema));
    }

    /** Runs the floor; returns its statements with their timings. */
    ImmutableList<Statement> build(SqlExecutor executor)
    {
        List<Statement> statements = new ArrayList<>();
        statements.add(timed(executor, "keys", keys()));
        statements.add(timed(executor, "junk_keys", "CREATE TABLE %s AS%nSELECT key_name, key_value, min(sample) AS sample, count(*) AS records, max(load_datetime) AS load_datetime%nFROM %s%nGROUP BY key_name, key_value%nHAVING count(*) > %d"
                .formatted(table("hub_pessoa_junk_keys"), table("keys"), maxRecordsPerKey)));
        statements.add(timed(executor, "records", """
                CREATE TABLE %s AS
                SELECT identity_record, first_load, first_source, row_number() OVER (ORDER BY identity_record) AS vid
                FROM (
                    SELECT identity_record, min(load_datetime) AS first_load, min_by(record_source, load_datetime) AS first_source
                    FROM (%s)
                    GROUP BY identity_record
                )""".formatted(table("records"), staged("identity_record, load_datetime, record_source"))));
        statements.add(timed(executor, "edges", """
                CREATE TABLE %1$s AS
                SELECT DISTINCT vid AS a, star AS b
                FROM (
                    SELECT records.vid, min(records.vid) OVER (PARTITION BY keyed.key_name, keyed.key_value) AS star
                    FROM %2$s AS keyed
                    JOIN %3$s AS records ON records.identity_record = keyed.identity_record
                    LEFT JOIN %4$s AS junk ON junk.key_name = keyed.key_name AND junk.key_value = keyed.key_value
                    LEFT JOIN %4$s AS junk_email ON junk_email.key_name = 'email' AND junk_email.key_value = keyed.email_part
                    LEFT JOIN %4$s AS junk_phone ON junk_phone.key_name = 'phone' AND junk_phone.key_value = keyed.phone_part
                    WHERE keyed.is_matching AND junk.key_value IS NULL AND junk_email.key_value IS NULL AND junk_phone.key_value IS NULL
                )
                WHERE vid <> star""".formatted(table("edges"), table("keys"), table("records"), table("hub_pessoa_junk_keys"))));
        statements.add(timed(executor, "labels_init", """
                CREATE TABLE %1$s AS
                WITH neighbors AS (SELECT a AS vid, b AS other FROM %2$s UNION ALL SELECT b, a FROM %2$s)
                SELECT records.vid, least(records.vid, coalesce(min(neighbors.other), records.vid)) AS parent
                FROM %3$s AS records
                LEFT JOIN neighbors ON neighbors.vid = records.vid
                GROUP BY records.vid""".formatted(table("labels_a"), table("edges"), table("records"))));
        // hook-and-shortcut rounds: shortcut (pointer jumping) until every tree is a star, then hook
        // the roots to smaller neighbouring roots; done when no root hooks
        int rounds = 0;
        while (true) {
            rounds++;
            checkState(rounds <= 64, "the floor's clustering did not converge in 64 rounds");
            long jumped;
            do {
                statements.add(timed(executor, "round %d shortcut".formatted(rounds), """
                        CREATE OR REPLACE TABLE %1$s AS
                        SELECT labels.vid, parents.parent
                        FROM %2$s AS labels
                        JOIN %2$s AS parents ON parents.vid = labels.parent""".formatted(table("labels_b"), table("labels_a"))));
                jumped = changed(executor, statements, "round %d shortcut changed".formatted(rounds));
                if (jumped > 0) {
                    run(executor, "DROP TABLE " + table("labels_a"));
                    run(executor, "ALTER TABLE %s RENAME TO %s".formatted(table("labels_b"), table("labels_a")));
                }
            }
            while (jumped > 0);
            statements.add(timed(executor, "round %d hook".formatted(rounds), """
                    CREATE OR REPLACE TABLE %1$s AS
                    WITH neighbors AS (SELECT a AS vid, b AS other FROM %2$s UNION ALL SELECT b, a FROM %2$s),
                    hooks AS (
                        SELECT mine.parent AS root, min(theirs.parent) AS smaller_root
                        FROM neighbors
                        JOIN %3$s AS mine ON mine.vid = neighbors.vid
                        JOIN %3$s AS theirs ON theirs.vid = neighbors.other
                        WHERE theirs.parent < mine.parent
                        GROUP BY mine.parent
                    )
                    SELECT labels.vid, IF(labels.vid = labels.parent AND hooks.smaller_root IS NOT NULL, hooks.smaller_root, labels.parent) AS parent
                    FROM %3$s AS labels
                    LEFT JOIN hooks ON hooks.root = labels.vid""".formatted(table("labels_a"), table("edges"), table("labels_b"))));
            long hooked = changed(executor, statements, "round %d hooked".formatted(rounds));
            if (hooked == 0) {
                break;
            }
            // the next round shortcuts the hooked labels, in labels_a
            run(executor, "DROP TABLE " + table("labels_b"));
        }
        // labels_b holds the final stars: a record's cluster is its parent; the person is the cluster's earliest record
        statements.add(timed(executor, "hub_pessoa_records", """
                CREATE TABLE %s AS
                SELECT records.identity_record,
                    first_value(records.identity_record) OVER (PARTITION BY labels.parent ORDER BY records.first_load, records.identity_record) AS hk_pessoa,
                    records.first_load AS load_datetime, records.first_source AS record_source
                FROM %s AS records
                JOIN %s AS labels ON labels.vid = records.vid""".formatted(table("hub_pessoa_records"), table("records"), table("labels_b"))));
        statements.add(timed(executor, "hub_pessoa", """
                CREATE TABLE %s AS
                SELECT hk_pessoa, identity_record AS founding_record, load_datetime, record_source
                FROM %s
                WHERE identity_record = hk_pessoa""".formatted(table("hub_pessoa"), table("hub_pessoa_records"))));
        statements.add(timed(executor, "hub_produtor", """
                CREATE TABLE %s AS
                SELECT hk_produtor, producer_id, load_datetime, record_source
                FROM (
                    SELECT *, row_number() OVER (PARTITION BY hk_produtor ORDER BY load_datetime, record_source, producer_id) AS rank
                    FROM (%s)
                )
                WHERE rank = 1""".formatted(table("hub_produtor"), staged("hk_produtor, producer_id, load_datetime, record_source"))));
        statements.add(timed(executor, "link_pessoa_produtor", """
                CREATE TABLE %s AS
                SELECT hk_pessoa_produtor, hk_pessoa, hk_produtor, load_datetime, record_source
                FROM (
                    SELECT *, row_number() OVER (PARTITION BY hk_pessoa_produtor ORDER BY load_datetime, record_source, hk_pessoa, hk_produtor) AS rank
                    FROM (
                        SELECT to_hex(sha256(to_utf8(concat_ws('|', persons.hk_pessoa, staged.hk_produtor)))) AS hk_pessoa_produtor,
                            persons.hk_pessoa, staged.hk_produtor, staged.load_datetime, staged.record_source
                        FROM (%s) AS staged
                        JOIN %s AS persons ON persons.identity_record = staged.identity_record
                    )
                )
                WHERE rank = 1""".formatted(table("link_pessoa_produtor"), staged("identity_record, hk_produtor, load_datetime, record_source"), table("hub_pessoa_records"))));
        statements.add(timed(executor, "sat_pessoa_detalhes", """
                CREATE TABLE %s AS
                SELECT hk_pessoa, identity_record, load_datetime, record_source, hd_pessoa_detalhes, nome, email_normalizado, telefone
                FROM (
                    SELECT *, lag(hd_pessoa_detalhes) OVER (PARTITION BY hk_pessoa, identity_record ORDER BY load_datetime) AS previous
                    FROM (
                        SELECT persons.hk_pessoa, staged.*,
                            row_number() OVER (PARTITION BY persons.hk_pessoa, staged.identity_record, staged.load_datetime ORDER BY staged.record_source) AS rank
                        FROM (%s) AS staged
                        JOIN %s AS persons ON persons.identity_record = staged.identity_record
                    )
                    WHERE rank = 1
                )
                WHERE previous IS NULL OR hd_pessoa_detalhes <> previous
                -- the satellite's ghost record, as vault writes it (docs/loading-rules.md)
                UNION ALL
                SELECT '%2$s', '%2$s', TIMESTAMP '0001-01-01 00:00:00.000000 UTC', 'SYSTEM', '%2$s', CAST(NULL AS varchar), CAST(NULL AS varchar), CAST(NULL AS varchar)"""
                .replace("%2$s", "0".repeat(64)).formatted(table("sat_pessoa_detalhes"),
                staged("identity_record, load_datetime, record_source, hd_pessoa_detalhes, nome, email_normalizado, telefone"), table("hub_pessoa_records"))));
        // the query assistance tables: every daily snapshot from the first to today, and per
        // snapshot the links loaded by then (links are insert-only)
        statements.add(timed(executor, "control_snapshots", """
                CREATE TABLE %s AS
                SELECT with_timezone(CAST(snapshot_date AS timestamp(6)), 'UTC') AS snapshot_datetime, snapshot_date,
                    day_of_week(snapshot_date) = 1 AS is_weekly, day_of_month(snapshot_date) = 1 AS is_monthly, day_of_year(snapshot_date) = 1 AS is_yearly
                FROM UNNEST(sequence(DATE '%s', CAST(current_timestamp AT TIME ZONE 'UTC' AS date), INTERVAL '1' DAY)) AS days (snapshot_date)"""
                .formatted(table("control_snapshots"), firstSnapshot)));
        statements.add(timed(executor, "bridge_pessoa_produtor", """
                CREATE TABLE %s AS
                SELECT snapshots.snapshot_datetime, link.hk_pessoa_produtor, link.hk_pessoa, link.hk_produtor
                FROM %s AS snapshots
                JOIN %s AS link ON link.load_datetime <= snapshots.snapshot_datetime"""
                .formatted(table("bridge_pessoa_produtor"), table("control_snapshots"), table("link_pessoa_produtor"))));
        statements.add(timed(executor, "mart_leads_unificados", """
                CREATE TABLE %1$s AS
                WITH lead_records AS (
                    SELECT persons.hk_pessoa, staged.hk_produtor, staged.record_source, staged.lead_at
                    FROM (%2$s) AS staged
                    JOIN %3$s AS persons ON persons.identity_record = staged.identity_record
                ),
                detalhes AS (
                    SELECT
                        hk_pessoa,
                        element_at(array_agg(nome ORDER BY load_datetime DESC, identity_record DESC) FILTER (WHERE nome IS NOT NULL), 1) AS nome,
                        element_at(array_agg(email_normalizado ORDER BY load_datetime DESC, identity_record DESC) FILTER (WHERE email_normalizado IS NOT NULL), 1) AS email,
                        element_at(array_agg(telefone ORDER BY load_datetime DESC, identity_record DESC) FILTER (WHERE telefone IS NOT NULL), 1) AS telefone
                    FROM %4$s
                    GROUP BY hk_pessoa
                )
                SELECT lead_records.hk_pessoa, lead_records.hk_produtor, produtor.producer_id AS id_produtor,
                    detalhes.nome, detalhes.email, detalhes.telefone,
                    min(lead_records.lead_at) AS primeiro_lead_em, max(lead_records.lead_at) AS ultimo_lead_em, count(*) AS registros_origem,
                    array_join(array_sort(array_agg(DISTINCT lead_records.record_source)), ', ') AS origens
                FROM lead_records
                JOIN %5$s AS produtor ON produtor.hk_produtor = lead_records.hk_produtor
                LEFT JOIN detalhes ON detalhes.hk_pessoa = lead_records.hk_pessoa
                GROUP BY lead_records.hk_pessoa, lead_records.hk_produtor, produtor.producer_id, detalhes.nome, detalhes.email, detalhes.telefone"""
                .formatted(table("mart_leads_unificados"), staged("identity_record, hk_produtor, record_source, lead_at"), table("hub_pessoa_records"),
                        table("sat_pessoa_detalhes"), table("hub_produtor"))));
        return ImmutableList.copyOf(statements);
    }

    /**
     * Every key value of every record, as the identity hub computes them: the matching keys, and
     * the email and phone alone (for the junk test only), with the parts a junk value voids.
     */
    private String keys()
    {
        String email = "to_hex(sha256(to_utf8('vault-person-v1' || '|email=' || identity_email)))";
        String phone = "to_hex(sha256(to_utf8('vault-person-v1' || '|phone=' || identity_phone)))";
        return """
                CREATE TABLE %s AS
                SELECT identity_record, key_name, key_value, min(sample) AS sample, bool_or(is_matching) AS is_matching,
                    min(email_part) AS email_part, min(phone_part) AS phone_part, max(load_datetime) AS load_datetime
                FROM (%s)
                CROSS JOIN UNNEST(ARRAY[
                    ROW('email', identity_key_email, identity_email, true, IF(identity_email IS NOT NULL, %s), CAST(NULL AS varchar)),
                    ROW('name_phone', identity_key_name_phone, concat_ws(' / ', identity_name, identity_phone), true, CAST(NULL AS varchar), IF(identity_phone IS NOT NULL, %s)),
                    ROW('phone', IF(identity_phone IS NOT NULL, %s), identity_phone, false, CAST(NULL AS varchar), CAST(NULL AS varchar))]) AS keyed (key_name, key_value, sample, is_matching, email_part, phone_part)
                WHERE key_value IS NOT NULL
                GROUP BY identity_record, key_name, key_value""".formatted(table("keys"),
                staged("identity_record, load_datetime, identity_name, identity_email, identity_phone, identity_key_email, identity_key_name_phone"), email, phone, phone);
    }

    /** The union of the identity hub's staging views, with {@code columns}. */
    private String staged(String columns)
    {
        return stages.stream().map(stage -> "SELECT " + columns + " FROM " + stage).collect(Collectors.joining("\n    UNION ALL\n    "));
    }

    private long changed(SqlExecutor executor, List<Statement> statements, String name)
    {
        Stopwatch stopwatch = Stopwatch.createStarted();
        long changed;
        try {
            changed = Long.parseLong(executor.queryValue("""
                    SELECT count(*)
                    FROM %s AS next
                    JOIN %s AS previous ON previous.vid = next.vid
                    WHERE next.parent <> previous.parent""".formatted(table(name.contains("hook") ? "labels_a" : "labels_b"),
                    table(name.contains("hook") ? "labels_b" : "labels_a"))).orElseThrow());
        }
        catch (SQLException e) {
            throw new IllegalStateException("the floor failed at " + name + ": " + e.getMessage(), e);
        }
        statements.add(new Statement(name, stopwatch.elapsed(), changed));
        return changed;
    }

    private Statement timed(SqlExecutor executor, String name, String sql)
    {
        Stopwatch stopwatch = Stopwatch.createStarted();
        long rows = run(executor, sql);
        return new Statement(name, stopwatch.elapsed(), rows);
    }

    private static long run(SqlExecutor executor, String sql)
    {
        try {
            return executor.update(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("the floor failed: " + e.getMessage() + "\n" + sql, e);
        }
    }
}
