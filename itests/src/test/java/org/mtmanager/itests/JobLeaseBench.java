package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.junit.Test;
import org.mtmanager.api.job.JobState;
import org.mtmanager.platform.cluster.JobLease;
import org.mtmanager.platform.cluster.JobLeases;
import org.mtmanager.platform.cluster.LocalNode;
import org.mtmanager.platform.cluster.NodeMembership;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.testing.JpaStores;

/**
 * Job lease benchmark (run with -Pbench; prints, asserts nothing about speed), on an embedded Derby store as the
 * platform's, outside Karaf: what the lease adds to a job's platform overhead, target 10 ms or less. A job of
 * {@code STEPS} steps is written as the engine writes it (a progress commit per step, then its end), once without
 * and once with its lease: the claim, one heartbeat, and the fence checked in every commit. The two kinds of job
 * are interleaved, so that a busy machine slows them alike; the difference of the medians is the lease's share.
 */
public class JobLeaseBench {
    static final int JOBS = Integer.getInteger("mtm.bench.jobs", 300);
    static final int STEPS = Integer.getInteger("mtm.bench.steps", 5);

    @Test
    public void leases() throws Exception {
        String url = "jdbc:derby:memory:mtmbench_leases;create=true";
        EntityManagerFactory emf = JpaStores.embeddedFactory(url);
        JpaStore store = new JpaStore(emf);
        try {
            LocalNode node = new LocalNode("bench-1", Duration.ofSeconds(10), null);
            NodeMembership membership = new NodeMembership(store, node, Clock.systemUTC(), "bench-1", "bench");
            JobLeases leases = new JobLeases(node, Clock.systemUTC());
            List<Long> plain = new ArrayList<>();
            List<Long> leased = new ArrayList<>();
            List<Long> lease = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                long t0 = System.nanoTime();
                runJob(store, newJob(store, 2 * i), null, leases);
                long t1 = System.nanoTime();
                long id = newJob(store, 2 * i + 1);
                long t2 = System.nanoTime();
                long[] leaseOnly = new long[1];
                runJob(store, id, leaseOnly, leases);
                long t3 = System.nanoTime();
                if (i >= JOBS / 10) { // warm-up left out
                    plain.add(t1 - t0);
                    leased.add(t3 - t2);
                    lease.add(leaseOnly[0]);
                }
            }
            membership.stop();
            long done = store.read(em -> em.createQuery("SELECT COUNT(j) FROM JobEntity j WHERE j.state = 'SUCCEEDED'",
                Long.class).getSingleResult());
            assertEquals(2L * JOBS, done);
            System.out.printf("%nJob lease benchmark: %d jobs of %d steps each way, Derby embedded%n", plain.size(), STEPS);
            System.out.printf("  job written without a lease: median %.2f ms, p95 %.2f ms%n", ms(plain, 50), ms(plain, 95));
            System.out.printf("  job written with its lease:  median %.2f ms, p95 %.2f ms%n", ms(leased, 50), ms(leased, 95));
            System.out.printf("  what the lease adds: median %.2f ms (claim + heartbeat + %d fence checks: median %.2f ms,"
                + " p95 %.2f ms; target 10 ms or less)%n", ms(leased, 50) - ms(plain, 50), STEPS + 1, ms(lease, 50), ms(lease, 95));
        } finally {
            emf.close();
            try {
                DriverManager.getConnection("jdbc:derby:memory:mtmbench_leases;drop=true").close();
            } catch (SQLException expected) {
                // Derby reports a successful drop as an exception (08006).
            }
        }
    }

    private static long newJob(JpaStore store, long machineId) {
        return store.write(em -> {
            JobEntity j = new JobEntity();
            j.setType("UPGRADE");
            j.setMachineId(machineId);
            j.setState(JobState.QUEUED.name());
            j.setStep("queued");
            j.setCreatedAt(Instant.now());
            j.setUpdatedAt(Instant.now());
            em.persist(j);
            em.flush();
            return j.getId();
        });
    }

    /**
     * The job's commits as the engine makes them with an instant driver; with {@code leaseNanos}, under a lease
     * (claimed first, renewed once, checked in every commit), whose statements' own time is added up there.
     */
    private static void runJob(JpaStore store, long id, long[] leaseNanos, JobLeases leases) {
        JobLease lease = null;
        if (leaseNanos != null) {
            long t = System.nanoTime();
            lease = store.write(em -> leases.claim(em, id)).orElseThrow();
            JobLease held = lease;
            store.write(em -> leases.renew(em, Set.of(held)));
            leaseNanos[0] += System.nanoTime() - t;
        }
        for (int step = 1; step <= STEPS; step++) {
            int n = step;
            commit(store, id, lease, leaseNanos, leases, j -> {
                j.setState(JobState.RUNNING.name());
                j.setStep("step " + n + "/" + STEPS);
                j.setPercent(n * 100 / (STEPS + 1));
            });
        }
        commit(store, id, lease, leaseNanos, leases, j -> {
            j.endLease();
            j.setState(JobState.SUCCEEDED.name());
            j.setStep("done");
            j.setPercent(100);
        });
    }

    private static void commit(JpaStore store, long id, JobLease lease, long[] leaseNanos, JobLeases leases,
                               Consumer<JobEntity> change) {
        store.writing(em -> {
            if (lease != null) {
                long t = System.nanoTime();
                leases.hold(em, lease);
                leaseNanos[0] += System.nanoTime() - t;
            }
            change.accept(find(em, id));
        });
    }

    private static JobEntity find(EntityManager em, long id) {
        return em.find(JobEntity.class, id);
    }

    private static double ms(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1e6;
    }
}
