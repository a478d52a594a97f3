package org.rolegraph.app.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.NotificationEmitter;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the queries that come from outside (the SPARQL endpoint and the SPARQL page) within the
 * server's bounds: the timeout, bounded expressions (BoundedExpressions) and a share of the heap.
 * A query's memory cannot be measured in Java, but the heap's can: when the heap is still over
 * {@link #HEAP_SHARE} of its maximum right after a collection, every query from outside that is
 * running is cancelled (its client gets a 503), so a few queries that hold more and more solutions
 * (a GROUP_CONCAT over a cross product, a sort of millions of rows) end before the heap does, and the
 * server goes on serving. ARQ's cancel is checked between solutions, as its timeout is.
 *
 * <p>The timeout is also enforced here, by aborting the execution at its deadline: ARQ's own timeout
 * only raises a flag that iterators read between solutions, so a sort already under way (ORDER BY
 * over a cross product: seconds of comparisons with no solution in between) ran to its end, 6 to 30
 * times the timeout. An abort reaches the sort's comparator, which stops at its next comparison.
 */
final class QueryGuard {
    private static final Logger LOG = LoggerFactory.getLogger(QueryGuard.class);

    /** The share of the maximum heap that, still used after a collection, cancels the running queries. */
    static final double HEAP_SHARE = 0.7;

    private static final Set<QueryExec> RUNNING = ConcurrentHashMap.newKeySet();

    /** Aborts queries at their deadline; one daemon thread, as the work is a flag set per query. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rolegraph-query-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    static {
        watchHeap();
    }

    private QueryGuard() {}

    /** A query from outside, bounded, with this timeout, cancelled with the others if the heap runs low. */
    static QueryExec exec(DatasetGraph dataset, Query query, long timeoutMillis) {
        QueryExec exec = QueryExec.newBuilder().dataset(dataset).query(BoundedExpressions.apply(query))
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .set(BoundedExpressions.DEADLINE, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis))
                .build();
        RUNNING.removeIf(QueryExec::isClosed);
        RUNNING.add(exec);
        DEADLINES.schedule(() -> {
            if (!exec.isClosed()) {
                exec.abort();
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        return exec;
    }

    /** Whether a query from {@link #exec} has passed its deadline (and so may have been aborted). */
    static boolean isPastDeadline(QueryExec exec) {
        Object deadline = exec.getContext().get(BoundedExpressions.DEADLINE);
        return deadline instanceof Long nanos && System.nanoTime() - nanos >= 0;
    }

    /** Whether the query calls out to another endpoint (SERVICE), which no query from outside may. */
    static boolean isFederated(Query query) {
        boolean[] federated = {false};
        if (query.getQueryPattern() != null) {
            org.apache.jena.sparql.syntax.ElementWalker.walk(query.getQueryPattern(),
                    new org.apache.jena.sparql.syntax.ElementVisitorBase() {
                        @Override
                        public void visit(org.apache.jena.sparql.syntax.ElementService service) {
                            federated[0] = true;
                        }
                    });
        }
        return federated[0];
    }

    private static void cancelRunning() {
        int cancelled = 0;
        for (QueryExec exec : RUNNING) {
            if (!exec.isClosed()) {
                exec.abort();
                cancelled++;
            }
            RUNNING.remove(exec);
        }
        LOG.warn("The heap is over {}% of its maximum after a collection: {} running queries cancelled",
                Math.round(HEAP_SHARE * 100), cancelled);
    }

    /** Sets the collection-usage threshold of each heap pool that has one and listens for its crossing. */
    private static void watchHeap() {
        boolean watched = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            long max = pool.getUsage().getMax();
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0) {
                pool.setCollectionUsageThreshold((long) (max * HEAP_SHARE));
                watched = true;
            }
        }
        if (!watched) {
            LOG.warn("No heap pool reports its use after collections: queries are bounded by the timeout only");
            return;
        }
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener((notification, handback) -> {
            if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
                cancelRunning();
            }
        }, null, null);
    }
}
