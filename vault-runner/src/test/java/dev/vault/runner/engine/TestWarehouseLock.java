package dev.vault.runner.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestWarehouseLock
{
    @TempDir
    Path temp;

    @Test
    void secondHolderIsRefusedUntilTheFirstCloses()
    {
        Path warehouse = temp.resolve("warehouse");
        Optional<WarehouseLock> first = WarehouseLock.tryAcquire(warehouse);
        assertThat(first).isPresent();
        assertThat(WarehouseLock.tryAcquire(warehouse)).isEmpty();
        first.get().close();
        Optional<WarehouseLock> again = WarehouseLock.tryAcquire(warehouse);
        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void serveAnnouncementIsVisibleWhileHeldAndGoneAfter()
    {
        Path warehouse = temp.resolve("warehouse");
        WarehouseLock lock = WarehouseLock.tryAcquire(warehouse).orElseThrow();
        assertThat(WarehouseLock.servedAt(warehouse)).isEmpty();
        lock.announce("jdbc:trino://127.0.0.1:8080/iceberg");
        assertThat(WarehouseLock.servedAt(warehouse)).contains("jdbc:trino://127.0.0.1:8080/iceberg");
        lock.close();
        assertThat(WarehouseLock.servedAt(warehouse)).isEmpty();
        assertThat(Files.exists(temp.resolve("warehouse.serve.json"))).isFalse();
    }

    @Test
    void announcementOfADeadProcessIsIgnored()
            throws Exception
    {
        Path warehouse = temp.resolve("warehouse");
        // a pid far above any pid_max: no such process
        Files.writeString(temp.resolve("warehouse.serve.json"), "{\"jdbcUrl\":\"jdbc:trino://127.0.0.1:1/iceberg\",\"pid\":99999999}");
        assertThat(WarehouseLock.servedAt(warehouse)).isEmpty();
    }
}
