package org.mtmanager.platform.cluster;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One duty's schedule on this node. Every node ticks every {@link DutyLeases#tick()}, often enough to take the
 * duty over within about a lease; the duty's work runs on the tick where it is {@link DutyLeases#due due}: this
 * node holds it and its own interval has passed since it last ran on any node. A manual run (a console command,
 * a REST call) does not go through here: it runs on whichever node it was asked.
 */
public final class DutySchedule {
    private static final Logger LOG = LoggerFactory.getLogger(DutySchedule.class);

    private final DutyLeases leases;
    private final String duty;
    private final ScheduledExecutorService timer;
    private final Runnable work;
    private ScheduledFuture<?> next;
    private volatile Duration interval = Duration.ZERO;

    /** @param timer where the ticks run; null for a schedule that ticks only when a test calls {@link #tick()} */
    public DutySchedule(DutyLeases leases, String duty, ScheduledExecutorService timer, Runnable work) {
        this.leases = leases;
        this.duty = duty;
        this.timer = timer;
        this.work = work;
    }

    /**
     * Runs the work every {@code interval} while this node holds the duty, ticking from {@code firstDelay} on; a
     * zero interval turns the schedule off here and gives the duty up.
     */
    public synchronized void every(Duration interval, Duration firstDelay) {
        cancel();
        this.interval = interval;
        if (interval.isZero() || interval.isNegative()) {
            leases.stopPerforming(duty);
            return;
        }
        leases.perform(duty);
        if (timer != null) {
            next = timer.scheduleWithFixedDelay(this::tickSafely, firstDelay.toMillis(), leases.tick().toMillis(),
                TimeUnit.MILLISECONDS);
        }
    }

    /** How often this schedule ticks. */
    public Duration tickEvery() {
        return leases.tick();
    }

    /** Stops ticking here and gives the duty up for another node. */
    public synchronized void stop() {
        cancel();
        interval = Duration.ZERO;
        leases.stopPerforming(duty);
    }

    /** One tick: runs the work if it is due on this node; whether it ran. */
    public boolean tick() {
        Duration every = interval;
        if (every.isZero() || !leases.due(duty, every)) {
            return false;
        }
        work.run();
        return true;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A task that throws is never scheduled again; the next tick asks the database again.
            LOG.warn("Duty {} could not be checked on node {}: {}", duty, leases.node().name(), e.getMessage());
        }
    }

    private void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }
}
