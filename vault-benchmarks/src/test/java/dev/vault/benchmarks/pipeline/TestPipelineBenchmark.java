package dev.vault.benchmarks.pipeline;

import dev.vault.benchmarks.truth.GeneratedLead;
import dev.vault.benchmarks.truth.LeadCsvWriter;
import dev.vault.benchmarks.truth.Source;
import dev.vault.embedded.EmbeddedTrino;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline benchmark at a tiny size on an engine of its own: the hand-written SQL floor builds
 * exactly the tables vault builds from the same bronze rows, the batch holds the leads it should,
 * and the Iceberg counts see what each step wrote. Timings are not checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPipelineBenchmark
{
    private static final int LEADS = 500;
    private static final int FIXED_BATCH = 40;
    /** The repository root, seen from this module's directory (Maven runs tests there). */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path work;

    private EmbeddedTrino engine;
    private PipelineBenchmark.Result result;

    @BeforeAll
    void runTheBenchmark()
    {
        engine = EmbeddedTrino.start(work.resolve("warehouse"), "iceberg", OptionalInt.empty(), Optional.of(work.resolve("trino.log")));
        String jdbcUrl = engine.jdbcUrl() + "/iceberg";
        PipelineBenchmarkMain.createIdentityFunctions(jdbcUrl);
        result = PipelineBenchmark.run(jdbcUrl, REPOSITORY, work, "test", LEADS, FIXED_BATCH, 20261101L, true, line -> {});
    }

    @AfterAll
    void stopTheEngine()
    {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theFloorBuildsTheSameTablesAsVault()
    {
        assertThat(result.comparison()).extracting(PipelineBenchmark.TableComparison::table).containsExactlyElementsOf(FloorSql.TABLES);
        assertThat(result.comparison()).allSatisfy(table -> {
            assertThat(table.vaultRows()).as(table.table()).isEqualTo(table.floorRows());
            assertThat(table.onlyInVault()).as(table.table()).isZero();
            assertThat(table.onlyInFloor()).as(table.table()).isZero();
        });
        assertThat(result.floorAgrees()).isTrue();
        // not trivially equal: persons resolved from several records, and the planted junk found
        long persons = rows("hub_pessoa");
        assertThat(persons).isPositive().isLessThan(rows("hub_pessoa_records"));
        assertThat(rows("hub_pessoa_records")).isEqualTo(LEADS);
        // every lead once, and the ghost record
        assertThat(rows("sat_pessoa_detalhes")).isEqualTo(LEADS + 1);
        // the floor's clustering ran rounds until nothing hooked
        assertThat(result.floorStatements()).filteredOn(statement -> statement.name().endsWith("hooked")).last()
                .extracting(FloorSql.Statement::rows).isEqualTo(0L);
    }

    @Test
    void theStepsLoadWhatTheyShould()
    {
        assertThat(result.leads()).isEqualTo(LEADS);
        assertThat(result.bronze().rows()).isEqualTo(LEADS);
        assertThat(result.batch().rows()).isEqualTo(result.batchNew() + result.batchChanged());
        // the full load and the incremental batch commit snapshots and data files; the floor too
        assertThat(result.full().snapshots()).isPositive();
        assertThat(result.full().dataFiles()).isPositive();
        assertThat(result.floor().snapshots()).isPositive();
        assertThat(result.incremental().snapshots()).isPositive();
        // every changed lead is a new satellite row; a new lead too
        assertThat(result.incremental().rowsWritten()).isGreaterThanOrEqualTo(result.batchNew() + result.batchChanged());
        assertThat(result.full().statements()).isNotEmpty();
        // the fixed-size batch, after the no-op: its new and changed leads are loaded too
        assertThat(result.fixedNew() + result.fixedChanged()).isEqualTo(FIXED_BATCH);
        assertThat(result.fixed()).hasValueSatisfying(fixed -> {
            assertThat(fixed.snapshots()).isPositive();
            assertThat(fixed.rowsWritten()).isGreaterThanOrEqualTo(FIXED_BATCH);
        });
    }

    @Test
    void theBatchIsNewLeadsAfterTheFullLoadAndChangedOnes()
    {
        // at this size the first guess of persons falls short of leads: the generator is asked again
        PipelineBenchmark.Leads leads = PipelineBenchmark.leads(7, 20_000, 1_000);
        assertThat(leads.base()).hasSize(20_000);
        assertThat(leads.batchNew()).hasSize(100);
        assertThat(leads.batchChanged()).hasSize(100);
        Set<String> base = new HashSet<>();
        leads.base().forEach(lead -> base.add(lead.recordId()));
        assertThat(leads.batchNew()).noneMatch(lead -> base.contains(lead.recordId()));
        assertThat(leads.batchChanged()).allMatch(lead -> base.contains(lead.recordId()));
        GeneratedLead last = leads.base().getLast();
        assertThat(leads.batchNew()).allMatch(lead -> !lead.leadTime().isBefore(last.leadTime()));
        // the fixed batch: 500 leads after the 1% batch's, and 500 distinct loaded ones
        assertThat(leads.fixedNew()).hasSize(500)
                .noneMatch(lead -> base.contains(lead.recordId()) || leads.batchNew().contains(lead))
                .allMatch(lead -> !lead.leadTime().isBefore(leads.batchNew().getLast().leadTime()));
        assertThat(leads.fixedChanged()).hasSize(500).doesNotHaveDuplicates().allMatch(lead -> base.contains(lead.recordId()));

        GeneratedLead changed = leads.batchChanged().stream().filter(lead -> lead.source() == Source.ACTIVECAMPAIGN).findFirst().orElseThrow();
        String[] before = LeadCsvWriter.fields(changed);
        String[] after = PipelineBenchmark.batchFields(changed, true, PipelineBenchmark.BATCH_LOADED_AT);
        assertThat(after[4]).isNotEqualTo(before[4]).matches("\\(21\\) 9\\d{4}-\\d{4}");
        assertThat(after[8]).isEqualTo(LeadCsvWriter.timestamp(PipelineBenchmark.BATCH_LOADED_AT)).isNotEqualTo(before[8]);
        assertThat(PipelineBenchmark.batchFields(changed, false, PipelineBenchmark.BATCH_LOADED_AT))
                .containsExactly(before[0], before[1], before[2], before[3], before[4], before[5], before[6], before[7], after[8]);
        // a later batch changes the phone again
        String[] later = PipelineBenchmark.batchFields(changed, true, PipelineBenchmark.FIXED_BATCH_LOADED_AT);
        assertThat(later[4]).isNotEqualTo(after[4]).isNotEqualTo(before[4]);
        assertThat(later[8]).isEqualTo(LeadCsvWriter.timestamp(PipelineBenchmark.FIXED_BATCH_LOADED_AT));
    }

    @Test
    void sizesAndLabels()
    {
        assertThat(PipelineBenchmarkMain.size("10k")).isEqualTo(10_000);
        assertThat(PipelineBenchmarkMain.size("1m")).isEqualTo(1_000_000);
        assertThat(PipelineBenchmarkMain.size("100_000")).isEqualTo(100_000);
        assertThat(PipelineBenchmarkMain.label(1_000_000)).isEqualTo("1m");
        assertThat(PipelineBenchmarkMain.label(100_000)).isEqualTo("100k");
        assertThat(PipelineBenchmarkMain.label(500)).isEqualTo("500");
        assertThat(QueryHistory.label("""
                -- vault hub: hub_pessoa (models/silver/hubs.yml:2:5)
                -- Work table: every record once
                CREATE OR REPLACE TABLE "iceberg"."silver"."hub_pessoa_work_records" AS
                SELECT 1"""))
                .isEqualTo("hub_pessoa: CREATE OR REPLACE TABLE \"iceberg\".\"silver\".\"hub_pessoa_work_records\" AS SELECT 1");
    }

    private long rows(String table)
    {
        return result.comparison().stream().filter(comparison -> comparison.table().equals(table)).findFirst().orElseThrow().vaultRows();
    }
}
