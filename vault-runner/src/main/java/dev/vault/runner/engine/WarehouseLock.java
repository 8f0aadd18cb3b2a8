package dev.vault.runner.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One embedded engine per warehouse: two engines writing one file metastore would corrupt it.
 * The engine holds an OS file lock next to the warehouse for as long as it runs; {@code vault
 * serve} also writes where it listens, so other commands connect to it instead of failing.
 */
public final class WarehouseLock
        implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path serveFile;

    private WarehouseLock(FileChannel channel, FileLock lock, Path serveFile)
    {
        this.channel = requireNonNull(channel, "channel is null");
        this.lock = requireNonNull(lock, "lock is null");
        this.serveFile = requireNonNull(serveFile, "serveFile is null");
    }

    /** Takes the lock, or returns empty when another process holds it. */
    public static Optional<WarehouseLock> tryAcquire(Path warehouse)
    {
        Path lockFile = sibling(warehouse, ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new WarehouseLock(channel, lock, sibling(warehouse, ".serve.json")));
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot lock the warehouse " + warehouse + ": " + e.getMessage(), e);
        }
    }

    /** Records that this process serves the warehouse at {@code jdbcUrl} until it closes the lock. */
    public void announce(String jdbcUrl)
    {
        try {
            Files.writeString(serveFile, JSON.writeValueAsString(Map.of("jdbcUrl", jdbcUrl, "pid", ProcessHandle.current().pid())));
        }
        catch (IOException e) {
            throw new VaultException(ErrorCode.ENGINE_UNAVAILABLE, "cannot write " + serveFile + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of a {@code vault serve} holding the warehouse, if that is who holds it. */
    public static Optional<String> servedAt(Path warehouse)
    {
        Path serveFile = sibling(warehouse, ".serve.json");
        try {
            if (!Files.isRegularFile(serveFile)) {
                return Optional.empty();
            }
            Map<?, ?> info = JSON.readValue(serveFile.toFile(), Map.class);
            Object pid = info.get("pid");
            Object url = info.get("jdbcUrl");
            boolean alive = pid instanceof Number number && ProcessHandle.of(number.longValue()).map(ProcessHandle::isAlive).orElse(false);
            return alive && url instanceof String text ? Optional.of(text) : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close()
    {
        try {
            Files.deleteIfExists(serveFile);
            lock.release();
            channel.close();
        }
        catch (IOException ignored) {
            // the OS releases the lock when the process ends anyway
        }
    }

    private static Path sibling(Path warehouse, String suffix)
    {
        Path absolute = warehouse.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + suffix);
    }
}
