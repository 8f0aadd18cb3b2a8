package dev.vault.runner.cli;

import com.google.common.collect.ImmutableList;
import dev.vault.embedded.TestingProjects;
import dev.vault.runner.Artifacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example project built with the CLI on a Trino with an Iceberg catalog named {@code iceberg},
 * reached with {@code --jdbc-url}: the embedded engine always, a {@code trinodb/trino} container
 * when Docker is there. Subclasses say where the engine is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractTestVaultEndToEnd
{
    private static final Set<String> TABLE_KINDS = Set.of("hub", "link", "satellite");

    @TempDir
    static Path temp;

    private Path project;
    private String silver;
    private String gold;
    private Artifacts.RunResults built;

    /** A trino-jdbc URL whose default catalog is the Iceberg catalog {@code iceberg}. */
    protected abstract String jdbcUrl();

    /** Keeps this suite's schemas apart from other tests on a shared engine. */
    protected abstract String schemaSuffix();

    @BeforeAll
    void buildExample()
    {
        project = TestingProjects.copyExample(temp.resolve("project"), schemaSuffix());
        silver = "iceberg.silver_" + schemaSuffix();
        gold = "iceberg.gold_" + schemaSuffix();
        Result build = vault("build");
        assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
        built = runResults();
    }

    @Test
    void buildLoadsEveryTable()
            throws SQLException
    {
        assertThat(built.success()).isTrue();
        // 133 leads are 107 persons (computed from the CSV files, see TestLeadsVault)
        assertThat(count(silver + ".hub_pessoa")).isEqualTo(107);
        assertThat(count(silver + ".hub_pessoa_records")).isEqualTo(133);
        assertThat(count(silver + ".hub_produtor")).isEqualTo(count("(SELECT DISTINCT producer_id FROM iceberg.bronze_%1$s.crm_activecampaign_contacts UNION SELECT producer_id FROM iceberg.bronze_%1$s.facebook_ads_leads UNION SELECT producer_id FROM iceberg.bronze_%1$s.google_ads_leads)"
                .formatted(schemaSuffix())));
        assertThat(count(silver + ".link_pessoa_produtor")).isPositive();
        assertThat(count(silver + ".sat_pessoa_detalhes")).isGreaterThanOrEqualTo(107);
        assertThat(count(gold + ".mart_leads_unificados")).isEqualTo(count(silver + ".link_pessoa_produtor"));
        assertThat(built.results()).filteredOn(entry -> TABLE_KINDS.contains(entry.kind()))
                .extracting(Artifacts.ModelEntry::model)
                .containsExactlyInAnyOrder("hub_pessoa", "hub_produtor", "link_pessoa_produtor", "sat_pessoa_detalhes");
    }

    @Test
    void runResultsNameTheSnapshotEachLoadCommitted()
            throws SQLException
    {
        for (Artifacts.ModelEntry entry : built.results()) {
            switch (entry.kind()) {
                case "hub", "link", "satellite", "mart", "snapshot control table", "point-in-time table", "bridge" -> assertThat(entry.snapshotId())
                        .as(entry.model())
                        .isNotNull()
                        .isEqualTo(currentSnapshot(tableOf(entry)));
                case "source" -> assertThat(entry.snapshotId()).as(entry.model()).isEqualTo(currentSnapshot("iceberg.bronze_" + schemaSuffix() + "." + entry.model()));
                default -> assertThat(entry.snapshotId()).as("%s (a view)", entry.model()).isNull();
            }
        }
    }

    @Test
    void runningAgainChangesNothing()
            throws SQLException
    {
        Map<String, Long> snapshotsBefore = snapshotCounts();

        Result rerun = vault("run");
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
        Artifacts.RunResults results = runResults();
        assertThat(results.success()).isTrue();
        for (Artifacts.ModelEntry entry : results.results()) {
            assertThat(entry.status()).as(entry.model()).isIn("success", "up_to_date");
            assertThat(entry.rowsWritten()).as(entry.model()).isIn(null, 0L);
            assertThat(entry.snapshotId()).as(entry.model()).isNull();
        }
        assertThat(snapshotCounts()).isEqualTo(snapshotsBefore);
        assertThat(count(silver + ".hub_pessoa")).isEqualTo(107);
    }

    private Map<String, Long> snapshotCounts()
            throws SQLException
    {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("hub_pessoa", "hub_pessoa_records", "hub_produtor", "link_pessoa_produtor", "sat_pessoa_detalhes")) {
            counts.put(table, count(silver + ".\"" + table + "$snapshots\""));
        }
        counts.put("mart_leads_unificados", count(gold + ".\"mart_leads_unificados$snapshots\""));
        return counts;
    }

    private String tableOf(Artifacts.ModelEntry entry)
    {
        return (entry.kind().equals("mart") ? gold : silver) + "." + entry.model();
    }

    /** The snapshot the table's main branch points at: what a reader of the table sees. */
    private Long currentSnapshot(String table)
            throws SQLException
    {
        int dot = table.lastIndexOf('.');
        List<List<Object>> rows = query("SELECT snapshot_id FROM " + table.substring(0, dot) + ".\"" + table.substring(dot + 1) + "$refs\" WHERE name = 'main'");
        assertThat(rows).as(table).hasSize(1);
        return ((Number) rows.getFirst().getFirst()).longValue();
    }

    private long count(String relation)
            throws SQLException
    {
        return ((Number) query("SELECT count(*) FROM " + relation + (relation.startsWith("(") ? " AS t" : "")).getFirst().getFirst()).longValue();
    }

    private List<List<Object>> query(String sql)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "vault", null);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            ImmutableList.Builder<List<Object>> rows = ImmutableList.builder();
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(resultSet.getObject(column));
                }
                rows.add(row);
            }
            return rows.build();
        }
    }

    private Artifacts.RunResults runResults()
    {
        return Artifacts.readRunResults(project.resolve(".vault")).orElseThrow();
    }

    private Result vault(String command)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VaultCli.execute(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                command, "--project-dir", project.toString(), "--jdbc-url", jdbcUrl());
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {}
}
