package dev.vault.benchmarks.pipeline;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap a step used: the largest total heap in use, sampled every few milliseconds while the
 * step runs, and the live heap, what a major (full) collection left, with how many there were.
 * Each memory pool's own peak would not do: summed, the peaks of eden, the survivors and the old
 * generation come from different moments, and their sum exceeds the maximum heap (10.2 GB was
 * reported at 1M against a 6 GB heap that way). Nor would the pools' usage after their last
 * collection: after a young collection G1's old generation still holds the garbage only a major
 * or mixed collection frees, so that sum rises to the heap's maximum whenever the heap fills.
 */
final class HeapSampler
        implements AutoCloseable
{
    private static final long INTERVAL_MILLIS = 20;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final NotificationListener onCollection = this::collected;
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong(-1);
    private final AtomicInteger majorCollections = new AtomicInteger();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapSampler()
    {
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(onCollection, null, null);
            }
        }
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
    }

    private void collected(Notification notification, Object handback)
    {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        // "end of major GC": a full collection, the only one after which the heap holds live data alone
        if (!info.getGcAction().equals("end of major GC")) {
            return;
        }
        majorCollections.incrementAndGet();
        long live = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                .filter(usage -> usage != null)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
        peakLive.accumulateAndGet(live, Math::max);
    }

    /** The largest total heap in use seen: at most the maximum heap. */
    long peakUsedBytes()
    {
        return peakUsed.get();
    }

    /** The largest heap in use right after a major collection (live data alone), or empty when none ran during the step. */
    OptionalLong peakLiveBytes()
    {
        long live = peakLive.get();
        return live < 0 ? OptionalLong.empty() : OptionalLong.of(live);
    }

    /** How many major (full) collections ran during the step: each stops the engine, and they mean the heap is short. */
    int majorCollections()
    {
        return majorCollections.get();
    }

    @Override
    public void close()
    {
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(onCollection);
                }
                catch (ListenerNotFoundException e) {
                    // never added: nothing to remove
                }
            }
        }
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
