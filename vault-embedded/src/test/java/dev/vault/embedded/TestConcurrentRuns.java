package dev.vault.embedded;

import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.runner.RunResult;
import dev.vault.runner.Vault;
import dev.vault.runner.VaultListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.vault.embedded.TestLeadsVault.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two runners of one project on one engine at once: the run lock makes the second wait, so both
 * succeed and no hub, link, satellite or records map gets a key twice.
 */
class TestConcurrentRuns
{
    @TempDir
    Path temp;

    @Test
    void twoRunsAtOnceDuplicateNothing()
            throws Exception
    {
        Path project = TestingProjects.copyExample(temp.resolve("project"), "concurrent");
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            assertThat(vault.seed().successful()).isTrue();
        }
        List<String> waits = new CopyOnWriteArrayList<>();
        VaultListener listener = new VaultListener()
        {
            @Override
            public void modelProgress(String model, String message)
            {
                if (model.equals("lock")) {
                    waits.add(message);
                }
            }
        };
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<RunResult>> runs = List.of(
                    threads.submit(() -> run(project, listener, start)),
                    threads.submit(() -> run(project, listener, start)));
            start.countDown();
            for (Future<RunResult> run : runs) {
                assertThat(run.get().failures()).isEmpty();
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(waits).as("one run waited for the other").hasSize(1);
        assertThat(waits.getFirst()).contains("waiting for the run lock iceberg.silver_concurrent.vault_lock_leads_vault, held by ");

        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            String silver = "iceberg.silver_concurrent.";
            assertThat(count(vault, silver + "hub_pessoa")).isEqualTo(107);
            assertThat(duplicates(vault, silver + "hub_pessoa", "hk_pessoa")).isZero();
            assertThat(duplicates(vault, silver + "hub_pessoa_records", "identity_record")).isZero();
            assertThat(duplicates(vault, silver + "hub_produtor", "hk_produtor")).isZero();
            assertThat(duplicates(vault, silver + "link_pessoa_produtor", "hk_pessoa_produtor")).isZero();
            assertThat(duplicates(vault, silver + "sat_pessoa_detalhes", "hk_pessoa, identity_record, load_datetime")).isZero();
            assertThat(vault.test().successful()).isTrue();
        }
    }

    @Test
    void aHeldLockStopsARunAfterTheWaitAndUnlockFreesIt()
            throws Exception
    {
        Path project = TestingProjects.copyExample(temp.resolve("locked"), "locked");
        try (Vault vault = TestingVaultEngine.configure(project).load()) {
            vault.seed();
        }
        // a runner that crashed while holding the lock
        try (Connection connection = DriverManager.getConnection(TestingVaultEngine.jdbcUrl(), "vault", null);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS iceberg.silver_locked");
            statement.execute("CREATE TABLE iceberg.silver_locked.vault_lock_leads_vault (holder varchar) COMMENT 'held by crashed-host (pid 42) since 2026-11-21T00:00:00Z'");
        }
        try (Vault vault = TestingVaultEngine.configure(project).lockTimeout(Duration.ofSeconds(2)).load()) {
            assertThatThrownBy(vault::run)
                    .isInstanceOfSatisfying(VaultException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LOCKED))
                    .hasMessageContaining("held by crashed-host (pid 42) since 2026-11-21T00:00:00Z")
                    .hasMessageContaining("run 'vault unlock'");
            assertThat(count(vault, "iceberg.information_schema.tables WHERE table_schema = 'silver_locked' AND table_name = 'hub_pessoa'")).isZero();

            assertThat(vault.unlock()).contains("held by crashed-host (pid 42) since 2026-11-21T00:00:00Z");
            assertThat(vault.run().failures()).isEmpty();
            assertThat(vault.unlock()).isEmpty();
        }
    }

    private static RunResult run(Path project, VaultListener listener, CountDownLatch start)
            throws InterruptedException
    {
        try (Vault vault = TestingVaultEngine.configure(project).listener(listener).load()) {
            start.await();
            return vault.run();
        }
    }

    private static long duplicates(Vault vault, String table, String key)
    {
        return count(vault, "(SELECT " + key + " FROM " + table + " GROUP BY " + key + " HAVING count(*) > 1)");
    }
}
