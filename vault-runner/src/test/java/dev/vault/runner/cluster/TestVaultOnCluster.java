package dev.vault.runner.cluster;

import dev.vault.core.identity.IdentityHasher;
import dev.vault.core.identity.IdentitySettings;
import dev.vault.runner.cli.TestingVaultCli;
import dev.vault.runner.cli.TestingVaultCli.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vault against a real multi-process Trino cluster: coordinator and worker as two JVMs, the
 * Iceberg JDBC catalog on PostgreSQL, data on S3 (S3Proxy), a memory catalog for the identity
 * functions, as scripts/cluster/cluster.sh starts it. Run by scripts/cluster/run-suite.sh, which
 * passes {@code -Dvault.cluster.url}; skipped without it. The tests run in order on one project:
 * the first batch, the second batch with the worker killed mid-load, the toolbox with PostgreSQL
 * restarted mid-load, a mart with the coordinator gone, then the day-to-day commands. With
 * {@code -Dvault.cluster.faults=false} (run-suite.sh's second, older Trino) the same commands run
 * without the faults.
 */
@EnabledIfSystemProperty(named = "vault.cluster.url", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestVaultOnCluster
{
    /** 133 leads in the two batches are 107 persons (see TestLeadsVault). */
    private static final long LEADS = 133;
    private static final long PERSONS = 107;
    private static final Duration FAULT_WAIT = Duration.ofMinutes(4);
    private static final boolean FAULTS = Boolean.parseBoolean(System.getProperty("vault.cluster.faults", "true"));

    @TempDir
    static Path temp;

    // not the common pool: on 2 cores it has one thread, and two runners must run at once
    private final ExecutorService runners = Executors.newCachedThreadPool();
    private final TestingCluster cluster = new TestingCluster(System.getProperty("vault.cluster.url"));
    // schemas of their own, so that a second suite on the same cluster starts from nothing
    private final String suffix = "c" + Long.toString(System.currentTimeMillis() / 1000, 36);
    private Path leads;
    private Path toolbox;
    private String silver;
    private String gold;

    @BeforeAll
    void copyProjects()
    {
        leads = TestingCluster.copyLeads(temp.resolve("leads"), suffix);
        toolbox = TestingCluster.copyToolbox(temp.resolve("toolbox"), suffix);
        silver = "iceberg.silver_" + suffix;
        gold = "iceberg.gold_" + suffix;
    }

    @AfterAll
    void stopRunners()
    {
        runners.shutdownNow();
    }

    @Test
    @Order(1)
    void firstBatchLoads()
            throws SQLException
    {
        assertSucceeded(vault(leads, "seed", "--seed-path", leads.resolve("examples/leads/batch_1").toString()));
        assertSucceeded(vault(leads, "run"));

        long firstBatch = stagedRecords();
        assertThat(firstBatch).isPositive().isLessThan(LEADS);
        assertThat(cluster.count(silver + ".hub_pessoa_records")).isEqualTo(firstBatch);
        assertThat(cluster.count(silver + ".hub_pessoa")).isPositive().isLessThan(PERSONS);
        assertNoDuplicateKeys();
    }

    @Test
    @Order(2)
    void workerKilledInTheMiddleOfTheSecondBatch()
            throws Exception
    {
        long firstBatchRecords = cluster.count(silver + ".hub_pessoa_records");
        assertSucceeded(vault(leads, "seed"));
        assertThat(stagedRecords()).isEqualTo(LEADS);

        // without a worker the failed run cannot drop its lock: a short lease lets the re-run take it over soon
        Result killed = withFault(() -> vault(leads, "run", "--lock-lease", "10"), "kill", "worker");
        if (FAULTS) {
            assertThat(killed.exitCode()).as(killed.text()).isIn(1, 4);
            assertThat(killed.err()).as(killed.text()).containsIgnoringCase("failed");

            // every query needs the worker, the test's own too
            cluster.script("restart", "worker");
            // each table as before its load or after it, never in between
            assertThat(cluster.count(silver + ".hub_pessoa_records")).isIn(firstBatchRecords, LEADS);
            assertNoDuplicateKeys();
            assertSucceeded(vault(leads, "run"));
        }
        else {
            assertSucceeded(killed);
        }
        assertLeadsComplete();
    }

    @Test
    @Order(3)
    void postgresRestartedWhileTheToolboxLoads()
            throws Exception
    {
        Result interrupted = withFault(() -> vault(toolbox, "build"), "restart", "postgres");
        if (interrupted.exitCode() != 0) {
            // the catalog was away for a commit: a clear error, and the re-run below converges
            assertThat(interrupted.exitCode()).as(interrupted.text()).isIn(1, 4);
            assertThat(interrupted.err()).as(interrupted.text()).containsIgnoringCase("failed");
        }
        Result rerun = FAULTS ? vault(toolbox, "build") : interrupted;
        assertSucceeded(rerun);
        // the toolbox's data tests (unique keys, relationships, row counts against bronze) passed in the build
        assertThat(rerun.out()).containsPattern("Tests: [1-9][0-9]* passed, 0 failed");
        assertThat(cluster.count("iceberg.shop_silver_%s.hub_customer".formatted(suffix)))
                .isEqualTo(cluster.count("(SELECT DISTINCT hk_customer FROM iceberg.shop_silver_%s.hub_customer) AS t".formatted(suffix)))
                .isPositive();
    }

    @Test
    @Order(4)
    void coordinatorGoneWhileAMartIsRebuilt()
            throws Exception
    {
        cluster.execute("DROP TABLE " + gold + ".mart_leads_unificados");
        // the run cannot drop its lock with the coordinator gone: a short lease lets the re-run take it over
        Result gone = withFault(() -> vault(leads, "run", "--lock-lease", "10"), "kill", "coordinator");
        if (FAULTS) {
            assertThat(gone.exitCode()).as(gone.text()).isIn(1, 4);
            assertThat(gone.err()).as(gone.text()).containsAnyOf("cannot reach", "failed", "Failed");

            cluster.script("restart", "coordinator");
            assertSucceeded(vault(leads, "run", "--lock-lease", "10"));
        }
        else {
            assertSucceeded(gone);
        }
        assertLeadsComplete();
        assertThat(cluster.count(gold + ".mart_leads_unificados")).isEqualTo(cluster.count(silver + ".link_pessoa_produtor"));
    }

    @Test
    @Order(5)
    void runningAgainAddsNoSnapshot()
            throws SQLException
    {
        Map<String, Long> before = snapshotCounts();
        assertSucceeded(vault(leads, "run"));
        assertThat(snapshotCounts()).isEqualTo(before);
        assertLeadsComplete();
    }

    @Test
    @Order(6)
    void twoRunnersAtOnceConverge()
            throws Exception
    {
        Map<String, Long> before = snapshotCounts();
        CompletableFuture<Result> first = CompletableFuture.supplyAsync(() -> vault(leads, "run"), runners);
        CompletableFuture<Result> second = CompletableFuture.supplyAsync(() -> vault(leads, "run"), runners);
        for (Result result : List.of(first.get(10, TimeUnit.MINUTES), second.get(10, TimeUnit.MINUTES))) {
            // the second waits for the run lock, or gives up on it with exit code 6
            assertThat(result.exitCode()).as(result.text()).isIn(0, 6);
        }
        assertThat(first.get().exitCode() == 0 || second.get().exitCode() == 0).isTrue();
        assertThat(snapshotCounts()).isEqualTo(before);
        assertLeadsComplete();
    }

    @Test
    @Order(7)
    void testStatusReconcileAndMaintain()
    {
        Result tests = vault(leads, "test");
        assertSucceeded(tests);
        assertThat(tests.out()).containsPattern("Tests: [1-9][0-9]* passed, 0 failed");

        Result status = vault(leads, "status");
        assertSucceeded(status);
        assertThat(status.out()).containsPattern("silver_%s\\.hub_pessoa +\\| hub +\\| +%d ".formatted(suffix, PERSONS));

        assertSucceeded(vault(leads, "reconcile"));
        // the project's policy keeps 7 days, the cluster's default minimum retention
        assertSucceeded(vault(leads, "maintain"));
    }

    @Test
    @Order(8)
    void maintainBelowTheClustersMinimumRetentionSaysWhatAllowsIt()
            throws Exception
    {
        Path config = leads.resolve("vault.yml");
        String policy = Files.readString(config, StandardCharsets.UTF_8);
        Files.writeString(config, policy.replace("expire-snapshots: {older-than: 7d, keep-last: 5}", "expire-snapshots: {older-than: 1h, keep-last: 1}"), StandardCharsets.UTF_8);
        try {
            Result maintain = vault(leads, "maintain", "--select", "hub_produtor");
            assertThat(maintain.exitCode()).as(maintain.text()).isEqualTo(1);
            assertThat(maintain.text())
                    .contains("is shorter than the minimum retention configured in the system")
                    .contains("iceberg.expire-snapshots.min-retention")
                    .contains("expire_snapshots_min_retention");
        }
        finally {
            Files.writeString(config, policy, StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(9)
    void identityFunctionsInstalledInTheMemoryCatalogGiveVaultsKeys()
    {
        Result printed = vault(leads, "functions", "install", "--catalog", "memory", "--schema", "vault", "--print");
        assertSucceeded(printed);
        assertThat(printed.out()).contains("CREATE OR REPLACE FUNCTION \"memory\".\"vault\".\"generate_person_hash\"(\"name\" varchar, \"email\" varchar, \"phone\" varchar)");

        // an Iceberg catalog cannot hold routines: the error says which can
        Result iceberg = vault(leads, "functions", "install", "--catalog", "iceberg", "--schema", "silver_" + suffix);
        assertThat(iceberg.exitCode()).as(iceberg.text()).isEqualTo(1);
        assertThat(iceberg.err()).contains("memory catalog");

        String expected = new IdentityHasher(IdentitySettings.defaults()).personHash("João Silva", "joao@email.com", "11999999999");
        Result installed = vault(leads, "functions", "install", "--catalog", "memory", "--schema", "vault");
        assertSucceeded(installed);
        assertThat(installed.out() + installed.err()).contains(expected);

        // the seeds' own check, unqualified: cluster.sh puts memory.vault on the cluster's sql.path
        Result query = vault(leads, "query", "--format", "csv", "SELECT generate_person_hash('João Silva', 'joao@email.com', '11999999999') AS hash_completo");
        assertSucceeded(query);
        assertThat(query.out().lines()).containsExactly("hash_completo", expected);
        Result hash = vault(leads, "hash", "--name", "João Silva", "--email", "joao@email.com", "--phone", "11999999999");
        assertThat(hash.out()).contains("generate_person_hash  " + expected);
    }

    /** Runs a vault command, and when it is writing on the cluster, injects the fault; waits for the command. */
    private Result withFault(Supplier<Result> command, String action, String part)
            throws Exception
    {
        if (!FAULTS) {
            return command.get();
        }
        CompletableFuture<Result> running = CompletableFuture.supplyAsync(command, runners);
        long deadline = System.nanoTime() + FAULT_WAIT.toNanos();
        while (!running.isDone() && !cluster.writing()) {
            assertThat(System.nanoTime()).as("no write of vault seen on the cluster in %s", FAULT_WAIT).isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(running.isDone()).as("the command finished before a write was seen: %s", running.isDone() ? running.get().text() : "").isFalse();
        cluster.script(action, part);
        return running.get(10, TimeUnit.MINUTES);
    }

    private void assertLeadsComplete()
            throws SQLException
    {
        assertThat(cluster.count(silver + ".hub_pessoa_records")).isEqualTo(LEADS);
        assertThat(cluster.count(silver + ".hub_pessoa")).isEqualTo(PERSONS);
        assertNoDuplicateKeys();
    }

    private void assertNoDuplicateKeys()
            throws SQLException
    {
        assertThat(cluster.count(silver + ".hub_pessoa")).isEqualTo(cluster.count("(SELECT DISTINCT hk_pessoa FROM %s.hub_pessoa) AS t".formatted(silver)));
        assertThat(cluster.count(silver + ".hub_produtor")).isEqualTo(cluster.count("(SELECT DISTINCT hk_produtor FROM %s.hub_produtor) AS t".formatted(silver)));
    }

    /** The source records the staging views show (a record updated in a later batch is one record). */
    private long stagedRecords()
            throws SQLException
    {
        return cluster.count(("(SELECT identity_record FROM %1$s.stg_crm_contacts UNION SELECT identity_record FROM %1$s.stg_facebook_leads "
                + "UNION SELECT identity_record FROM %1$s.stg_google_leads) AS t").formatted(silver));
    }

    private long snapshots(String schema, String table)
            throws SQLException
    {
        return cluster.count("%s.\"%s$snapshots\"".formatted(schema, table));
    }

    private Map<String, Long> snapshotCounts()
            throws SQLException
    {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("hub_pessoa", "hub_pessoa_records", "hub_produtor", "link_pessoa_produtor", "sat_pessoa_detalhes")) {
            counts.put(table, snapshots(silver, table));
        }
        counts.put("mart_leads_unificados", snapshots(gold, "mart_leads_unificados"));
        return counts;
    }

    private Result vault(Path project, String... arguments)
    {
        long started = System.nanoTime();
        Result result = TestingVaultCli.execute(project, cluster.jdbcUrl(), arguments);
        // the figures of docs/cluster.md: each command's wall time on the cluster
        System.out.printf("[cluster] vault %s (%s): exit %d in %.1f s%n", String.join(" ", arguments), project.getFileName(), result.exitCode(), (System.nanoTime() - started) / 1e9);
        return result;
    }

    private static void assertSucceeded(Result result)
    {
        assertThat(result.exitCode()).as(result.text()).isZero();
    }
}
