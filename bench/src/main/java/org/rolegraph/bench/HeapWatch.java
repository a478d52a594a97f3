package org.rolegraph.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples the heap every few milliseconds while a step runs, to report its peak above the start. */
final class HeapWatch implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long start;
    private volatile long peak;
    private volatile boolean running = true;
    private final Thread sampler;

    HeapWatch() {
        System.gc();
        start = MEMORY.getHeapMemoryUsage().getUsed();
        peak = start;
        sampler = new Thread(() -> {
            while (running) {
                long used = MEMORY.getHeapMemoryUsage().getUsed();
                if (used > peak) {
                    peak = used;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The highest heap use seen above the start, in MiB. */
    long peakAboveStartMiB() {
        return Math.max(0, peak - start) >> 20;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
