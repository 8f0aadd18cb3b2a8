package dev.vault.benchmarks.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap a step used: the largest total heap in use and the largest live heap (what the old
 * generation held after a collection), sampled every few milliseconds while the step runs. Each
 * memory pool's own peak would not do: summed, the peaks of eden, the survivors and the old
 * generation come from different moments, and their sum exceeds the maximum heap (10.2 GB was
 * reported at 1M against a 6 GB heap that way).
 */
final class HeapSampler
        implements AutoCloseable
{
    private static final long INTERVAL_MILLIS = 20;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
            .toList();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapSampler()
    {
        sample();
        sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(INTERVAL_MILLIS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    static HeapSampler start()
    {
        return new HeapSampler();
    }

    private void sample()
    {
        peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        // usage after the pools' last collection: the live data the step kept
        long live = pools.stream().mapToLong(pool -> pool.getCollectionUsage() == null ? 0 : pool.getCollectionUsage().getUsed()).sum();
        peakLive.accumulateAndGet(live, Math::max);
    }

    /** The largest total heap in use seen: at most the maximum heap. */
    long peakUsedBytes()
    {
        return peakUsed.get();
    }

    /** The largest heap in use right after a collection: the live data, without garbage not yet collected. */
    long peakLiveBytes()
    {
        return peakLive.get();
    }

    @Override
    public void close()
    {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
