package dev.vault.embedded;

import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.vault.embedded.TestLeadsVault.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run lock is a lease: a lock whose holder died is taken over once its lease ran out, after
 * the dead holder's queries are stopped; a live holder renews it, so a waiter never takes it.
 */
class TestRunLockLease
{
    private static final String DEAD_SOURCE = "vault-dead0000beef";

    @TempDir
    Path temp;

    @Test
    void aDeadHoldersLockIsTakenOverAfterItsLeaseAndItsQueriesAreStoppedFirst()
            throws Exception
    {
        Path project = TestingProjects.copyExample(temp.resolve("stale"), "stale");
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            assertThat(vault.seed().successful()).isTrue();
        }
        Properties dead = new Properties();
        dead.setProperty("user", "vault");
        dead.setProperty("source", DEAD_SOURCE);
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), dead)) {
            try (Statement statement = connection.createStatement()) {
                // what a runner killed while holding the lock leaves: the lock, with a lease it no longer renews ...
                statement.execute("CREATE SCHEMA IF NOT EXISTS iceberg.silver_stale");
                statement.execute("CREATE TABLE iceberg.silver_stale.vault_lock_leads_vault (holder varchar) COMMENT "
                        + "'held by gone-host (pid 42) since 2026-11-21T00:00:00Z; session " + DEAD_SOURCE + "; lease 5000 ms; heartbeat 7'");
            }
            // ... and a query still running on the engine (hours of work: it ends only when killed)
            CompletableFuture<String> orphan = CompletableFuture.supplyAsync(() -> {
                try (Statement statement = connection.createStatement();
                        var rows = statement.executeQuery("SELECT count(*) FROM UNNEST(sequence(1, 10000)) a(x) CROSS JOIN UNNEST(sequence(1, 10000)) b(y) CROSS JOIN UNNEST(sequence(1, 10000)) c(z) "
                            + "WHERE (x * 31 + y * 17 + z) % 7 = 3")) {
                    // reading the row waits for the query: closing the statement before would cancel it
                    rows.next();
                    return "finished";
                }
                catch (SQLException e) {
                    return e.getMessage();
                }
            });
            awaitRunning(DEAD_SOURCE, orphan);

            List<String> messages = new CopyOnWriteArrayList<>();
            try (Vault vault = TestingVaultEngine.configure(project).lockTimeout(Duration.ofMinutes(2)).listener(lockMessages(messages)).load()) {
                assertThat(vault.run().failures()).isEmpty();
                assertThat(count(vault, "iceberg.silver_stale.hub_pessoa")).isEqualTo(107);
                assertThat(count(vault, "iceberg.information_schema.tables WHERE table_schema = 'silver_stale' AND table_name LIKE 'vault_lock%'")).isZero();
            }
            assertThat(orphan.get()).contains("the runner that sent this query is gone");
            assertThat(messages).anySatisfy(message -> assertThat(message).contains("stopping its 1 unfinished query first"));
            assertThat(messages).anySatisfy(message -> assertThat(message).contains("dropped the run lock of a runner that stopped renewing its lease")
                    .contains("gone-host (pid 42)"));
        }
    }

    @Test
    void aLiveHolderRenewsItsLeaseSoAWaiterWaitsForIt()
            throws Exception
    {
        Path project = TestingProjects.copyExample(temp.resolve("live"), "live");
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            assertThat(vault.seed().successful()).isTrue();
        }
        List<String> messages = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // a run takes longer than the 5 s lease: only the renewals keep the lock with its holder
            List<Future<RunResult>> runs = List.of(
                    threads.submit(() -> run(project, messages, start)),
                    threads.submit(() -> run(project, messages, start)));
            start.countDown();
            for (Future<RunResult> run : runs) {
                assertThat(run.get().failures()).isEmpty();
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst()).startsWith("waiting for the run lock iceberg.silver_live.vault_lock_leads_vault, held by ").contains("; lease 5000 ms; heartbeat ");
    }

    private static RunResult run(Path project, List<String> messages, CountDownLatch start)
            throws InterruptedException
    {
        try (Vault vault = TestingVaultEngine.configure(project).lockLease(Duration.ofSeconds(5)).listener(lockMessages(messages)).load()) {
            start.await();
            return vault.run();
        }
    }

    private static VaultListener lockMessages(List<String> messages)
    {
        return new VaultListener()
        {
            @Override
            public void modelProgress(String model, String message)
            {
                if (model.equals("lock")) {
                    messages.add(message);
                }
            }
        };
    }

    private static void awaitRunning(String source, CompletableFuture<String> query)
            throws Exception
    {
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "vault", null);
                Statement statement = connection.createStatement()) {
            for (int i = 0; i < 600; i++) {
                if (query.isDone()) {
                    throw new AssertionError("the query of " + source + " ended: " + query.get());
                }
                try (var rows = statement.executeQuery("SELECT count(*) FROM system.runtime.queries WHERE source = '" + source + "' AND state = 'RUNNING'")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the query of " + source + " never ran");
    }
}
