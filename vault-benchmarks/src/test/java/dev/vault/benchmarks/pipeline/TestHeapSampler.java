package dev.vault.benchmarks.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestHeapSampler
{
    @Test
    void aFullCollectionIsCountedWithTheHeapItLeft()
            throws InterruptedException
    {
        HeapSampler heap = HeapSampler.start();
        byte[][] kept = new byte[64][];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new byte[1 << 20];
        }
        // System.gc() is a full collection on G1 (the JVM's default here), reported as "end of major GC"
        System.gc();
        // the notification arrives on the JMX notification thread, after the collection
        for (int i = 0; i < 100 && heap.majorCollections() == 0; i++) {
            Thread.sleep(20);
        }
        heap.close();

        assertThat(heap.majorCollections()).isGreaterThanOrEqualTo(1);
        // the 64 MB still referenced are live after the collection, and live data fits in the heap in use
        assertThat(heap.peakLiveBytes()).isPresent();
        assertThat(heap.peakLiveBytes().getAsLong()).isBetween(64L << 20, Runtime.getRuntime().maxMemory());
        assertThat(heap.peakUsedBytes()).isGreaterThanOrEqualTo(64L << 20);
        assertThat(kept[kept.length - 1]).hasSize(1 << 20);
    }

    @Test
    void withoutAFullCollectionTheLiveHeapIsUnknown()
    {
        HeapSampler heap = HeapSampler.start();
        heap.close();

        // a step this short sees no full collection, unless the JVM happened to run one: either way the two agree
        assertThat(heap.peakLiveBytes().isPresent()).isEqualTo(heap.majorCollections() > 0);
        assertThat(heap.peakUsedBytes()).isPositive();
    }
}
