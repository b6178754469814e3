package org.mtmanager.platform.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManagerFactory;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.job.JobState;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.testing.TestClock;
import org.mtmanager.store.testing.TestDatabase;
import org.mtmanager.store.testing.TestDatabases;

/**
 * The job leases on a real PostgreSQL server, where a claim is one statement with {@code FOR UPDATE SKIP LOCKED}:
 * two nodes claiming at once never get the same job, a DOWN node's lease is free, and the node that lost a lease
 * cannot write under it; one open job per machine is the database's rule.
 */
public class JobLeasesPostgresTest {
    private final TestClock clock = new TestClock(Instant.now());
    private final LocalNode n1 = new LocalNode("n1", Duration.ofSeconds(10), null);
    private final LocalNode n2 = new LocalNode("n2", Duration.ofSeconds(10), null);
    private TestDatabase db;
    private final List<EntityManagerFactory> factories = new ArrayList<>();
    private JpaStore store;
    /** n2's own store: its own connections, as another node's. */
    private JpaStore store2;
    private final List<NodeMembership> members = new ArrayList<>();

    @Before
    public void database() {
        db = TestDatabases.postgresMigrated("leases");
        store = new JpaStore(factory());
        store2 = new JpaStore(factory());
        members.add(new NodeMembership(store, n1, clock, "n1", "test"));
        members.add(new NodeMembership(store2, n2, clock, "n2", "test"));
    }

    private EntityManagerFactory factory() {
        EntityManagerFactory emf = db.factory();
        factories.add(emf);
        return emf;
    }

    @After
    public void drop() throws InterruptedException {
        for (NodeMembership m : members) {
            m.stop();
        }
        factories.forEach(EntityManagerFactory::close);
        db.close();
    }

    @Test
    public void twoNodesClaimingAtOnceNeverGetTheSameJob() throws Exception {
        for (int i = 0; i < 40; i++) {
            job(i, JobState.QUEUED);
        }
        Map<Long, String> claimedBy = new ConcurrentHashMap<>();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (LocalNode node : List.of(n1, n2)) {
                JobLeases leases = new JobLeases(node, clock);
                JpaStore store = node == n1 ? this.store : store2;
                runs.add(two.submit(() -> {
                    together.await();
                    int taken = 0;
                    for (List<JobLease> got; !(got = store.write(em -> leases.claimSome(em, 3, false))).isEmpty(); ) {
                        for (JobLease l : got) {
                            assertEquals("job " + l.jobId() + " claimed twice", null, claimedBy.put(l.jobId(), node.name()));
                            assertEquals(1, l.fence());
                            taken++;
                        }
                    }
                    return taken;
                }));
            }
            assertEquals(40, runs.get(0).get() + runs.get(1).get());
        } finally {
            two.shutdown();
        }
        assertEquals(40, claimedBy.size());
    }

    @Test
    public void aClaimSkipsTheJobsAnotherNodeIsClaimingInsteadOfWaitingForThem() throws Exception {
        for (int i = 0; i < 5; i++) {
            job(i, JobState.QUEUED);
        }
        JobLeases one = new JobLeases(n1, clock);
        JobLeases other = new JobLeases(n2, clock);
        CountDownLatch claimedByOne = new CountDownLatch(1);
        CountDownLatch commitOne = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<JobLease>> first = pool.submit(() -> store.write(em -> {
                List<JobLease> got = one.claimSome(em, 2, false);
                claimedByOne.countDown();
                try {
                    commitOne.await(30, TimeUnit.SECONDS); // its transaction stays open, its rows locked
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return got;
            }));
            assertTrue(claimedByOne.await(30, TimeUnit.SECONDS));
            Future<List<JobLease>> second = pool.submit(() -> store2.write(em -> other.claimSome(em, 5, false)));
            List<JobLease> rest = second.get(10, TimeUnit.SECONDS); // not blocked by n1's locked rows
            commitOne.countDown();
            Set<Long> ids = new HashSet<>();
            first.get(30, TimeUnit.SECONDS).forEach(l -> ids.add(l.jobId()));
            assertEquals(2, ids.size());
            rest.forEach(l -> assertTrue("job " + l.jobId() + " claimed twice", ids.add(l.jobId())));
            assertEquals(5, ids.size());
        } finally {
            commitOne.countDown();
            pool.shutdown();
        }
    }

    @Test
    public void aDownNodesLeaseIsFreeAndItsLateWriteIsRefused() throws Exception {
        long id = job(1, JobState.RUNNING);
        JobLeases one = new JobLeases(n1, clock);
        JobLeases other = new JobLeases(n2, clock);
        JobLease first = store.write(em -> one.claim(em, id)).orElseThrow();
        assertEquals("held by a live node", List.of(), store2.write(em -> other.claimSome(em, 5, false)));

        members.get(0).abandon(); // n1 dies
        clock.advance(Duration.ofSeconds(11));
        members.get(1).beat();
        List<JobLease> taken = store2.write(em -> other.claimSome(em, 5, false));
        assertEquals(List.of(new JobLease(id, 2, 2)), taken);
        assertThrows(LeaseLostException.class, () -> store.writing(em -> one.hold(em, first)));
        store2.writing(em -> other.hold(em, taken.get(0)));
        assertEquals(Set.of(first), store.write(em -> one.renew(em, List.of(first))));
        assertEquals(Set.of(), store2.write(em -> other.renew(em, List.of(taken.get(0)))));
    }

    @Test
    public void aMachineHasOneOpenJobAtMostAndAnyNumberOfEndedOnes() {
        job(7, JobState.SUCCEEDED);
        job(7, JobState.FAILED);
        job(7, JobState.QUEUED);
        MtmException second = assertThrows(MtmException.class, () -> job(7, JobState.WAITING));
        assertEquals(ErrorCode.CONFLICT, second.code());
        Set<String> states = new HashSet<>(store.read(em -> em.createQuery("SELECT j.state FROM JobEntity j", String.class)
            .getResultList()));
        assertTrue(states.toString(), states.equals(Set.of("SUCCEEDED", "FAILED", "QUEUED")));
    }

    private long job(long machineId, JobState state) {
        return store.write(em -> {
            JobEntity j = new JobEntity();
            j.setType("CREATE");
            j.setMachineId(machineId);
            j.setState(state.name());
            j.setCreatedAt(clock.instant());
            j.setUpdatedAt(clock.instant());
            em.persist(j);
            em.flush();
            return j.getId();
        });
    }
}
