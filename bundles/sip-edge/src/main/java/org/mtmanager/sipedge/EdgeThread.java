package org.mtmanager.sipedge;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.mtmanager.api.MtmException;

/**
 * The one thread that touches the SIP edge, so that its changes reach it in the order they were made. Work asked of it
 * while it stops is dropped (the next start loads the whole table); a caller that waits for an answer gets a 409
 * while the thread is busy for long or stopping.
 */
final class EdgeThread {
    private static final long ANSWER_SECONDS = 120;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mtm-sip-edge");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code work} later, in turn. */
    void later(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException e) {
            // stopping: the next start loads the whole table
        }
    }

    /** Runs {@code work} every {@code seconds}, the first time now. */
    ScheduledFuture<?> every(Runnable work, long seconds) {
        return thread.scheduleWithFixedDelay(work, 0, seconds, TimeUnit.SECONDS);
    }

    /** Runs {@code work} in turn and waits for its answer. */
    <T> T call(Callable<T> work) {
        Future<T> f;
        try {
            f = thread.submit(work);
        } catch (RejectedExecutionException e) {
            throw MtmException.conflict(null, "the SIP edge is stopping");
        }
        try {
            return f.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw MtmException.conflict(null, "the SIP edge is busy (a load takes long): try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MtmException.conflict(null, "interrupted");
        }
    }

    /** Runs {@code last} after what was asked before, then stops. */
    void stop(Runnable last) throws InterruptedException {
        later(last);
        thread.shutdown();
        thread.awaitTermination(15, TimeUnit.SECONDS);
    }
}
