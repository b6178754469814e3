package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.mtmanager.machine.JobEngineTest.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.api.node.Node;
import org.mtmanager.api.node.NodeState;
import org.mtmanager.platform.cluster.LocalNode;
import org.mtmanager.platform.cluster.NodeServiceImpl;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.testing.TestClock;
import org.mtmanager.tenant.TenantFixture;

/**
 * Two nodes on one database (two stores, each with its own connections), sharing one hypervisor: a job is run by
 * the node holding its lease, taken over when that node dies or stops, and a late write of the node that lost it
 * is refused. The clock is moved by hand, so leases run out at once; heartbeats and polls run on their own.
 */
public class TwoNodesTest {
    private static final Duration LEASE = Duration.ofSeconds(10);
    /**
     * Its pauses (1 s, 2 s) stay well inside the lease: a clock moved past a lease at once makes every node look
     * silent until its next heartbeat, and a job one node has just claimed would then be taken over by the other.
     */
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Rule
    public final TenantFixture f = new TenantFixture();

    private final TestClock clock = new TestClock(Instant.now());
    private final JobEngineTest.MemoryDriver driver = new JobEngineTest.MemoryDriver();
    private final List<TestNode> started = new ArrayList<>();

    /** A node named {@code name} on its own store over the shared database, heartbeating every 50 ms. */
    private TestNode node(String name, Store store) {
        TestNode n = TestNode.start(store, MemoryHosts.infrastructure(driver), clock, POLICY,
            new LocalNode(name, LEASE, Duration.ofMillis(50), Duration.ofMillis(20)));
        started.add(n);
        return n;
    }

    private MachineServiceImpl machines(TestNode n, Store store) {
        return new MachineServiceImpl(store, f.audit, f.plans, MemoryHosts.infrastructure(driver), n.engine);
    }

    @After
    public void stopAll() throws InterruptedException {
        for (TestNode n : started) {
            n.stop();
        }
    }

    @Test
    public void jobsQueuedForTwoNodesAreEachRunByExactlyOne() throws Exception {
        TestNode creator = node("n0", f.store);
        creator.die(); // it claims nothing: its jobs are the others' to claim
        MachineServiceImpl service = machines(creator, f.store);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jobs.add(create(service, "pbx-both-" + i));
        }
        node("n1", f.store);
        node("n2", f.otherNode());
        for (Job job : jobs) {
            await(() -> row(job.id()).getState().equals(JobState.SUCCEEDED.name()));
        }
        for (Job job : jobs) {
            JobEntity done = row(job.id());
            assertEquals("claimed once, by one node", 1, done.getFence());
            assertEquals(null, done.getLeaseOwner());
            assertEquals(null, done.getOpenMachineId());
        }
        assertEquals("each machine created once", 8, driver.creates.get());
        assertEquals(8, driver.machines.size());
    }

    @Test
    public void aDeadNodesJobIsFinishedByAnotherAfterItsLeaseAndItsLateWriteIsRefused() throws Exception {
        Map<String, TestNode> both = Map.of("n1", node("n1", f.store), "n2", node("n2", f.otherNode()));
        NodeServiceImpl nodes = new NodeServiceImpl(f.store, clock);
        CountDownLatch host = new CountDownLatch(1);
        driver.createGate.set(host);
        Job job = create(machines(both.get("n1"), f.store), "pbx-takeover");
        await(() -> driver.creates.get() == 1);
        // Claimed by n1 as it was submitted there, or by n2's poll in between: the one that runs it dies.
        String dead = row(job.id()).getLeaseOwner();
        String other = dead.equals("n1") ? "n2" : "n1";
        TestNode a = both.get(dead);
        assertEquals(List.of(job.id()), nodeNamed(nodes, dead).jobs());

        a.die();
        assertEquals("its lease still holds", List.of(), both.get(other).engine.poll());
        clock.advance(LEASE.plusSeconds(1));
        await(() -> nodeNamed(nodes, other).state() == NodeState.UP); // it heartbeats on the new time
        assertEquals(NodeState.DOWN, nodeNamed(nodes, dead).state());
        assertEquals("a DOWN node holds nothing", List.of(), nodeNamed(nodes, dead).jobs());

        await(() -> row(job.id()).getState().equals(JobState.SUCCEEDED.name()));
        assertEquals(2, row(job.id()).getFence());
        assertEquals(MachineState.RUNNING, machineState(job));

        // The dead node's create fails when the host answers it at last: its write would make the job WAITING.
        driver.createFailures.add(new DriverException("the create answered too late", true));
        host.countDown();
        await(() -> !a.engine.running(job.id()));
        JobEntity after = row(job.id());
        assertEquals("the dead node's failed attempt was refused by the fence", JobState.SUCCEEDED.name(), after.getState());
        assertEquals(0, after.getAttempts());
        assertEquals(MachineState.RUNNING, machineState(job));
        assertEquals(1, driver.machines.size());
        assertEquals(List.of("n1", "n2"), nodes.list(f.admin).items().stream().map(Node::name).toList());
        TenantFixture.expect(ErrorCode.FORBIDDEN, null,
            () -> nodes.list(f.tenantAdmin("reseller", "Resells", "res", "reseller-admin")));
    }

    @Test
    public void aCleanStopFreesItsLeasesAtOnce() throws Exception {
        Map<String, TestNode> both = Map.of("n1", node("n1", f.store), "n2", node("n2", f.otherNode()));
        CountDownLatch host = new CountDownLatch(1);
        driver.createGate.set(host);
        Job job = create(machines(both.get("n1"), f.store), "pbx-handover");
        await(() -> driver.creates.get() == 1);
        String holder = row(job.id()).getLeaseOwner();
        TestNode a = both.get(holder);

        a.engine.stop(Duration.ofMillis(50)); // its worker still waits for the host
        a.membership.stop();
        assertEquals(NodeState.STOPPED, nodeNamed(new NodeServiceImpl(f.store, clock), holder).state());
        // No clock moved: the other node takes the job over because the stopped one gave its lease back.
        await(() -> row(job.id()).getState().equals(JobState.SUCCEEDED.name()));
        assertEquals(2, row(job.id()).getFence());
        host.countDown();
        await(() -> !a.engine.running(job.id()));
        assertEquals(JobState.SUCCEEDED.name(), row(job.id()).getState());
        assertEquals(0, row(job.id()).getAttempts());
    }

    @Test
    public void aStepThatThrowsOnEitherNodeIsRetriedThenFailedWithItsMachineInError() throws Exception {
        TestNode a = node("n1", f.store);
        node("n2", f.otherNode());
        for (int i = 0; i < 3; i++) {
            driver.createFailures.add(new IllegalStateException("the image store is locked"));
        }
        Job job = create(machines(a, f.store), "pbx-throws");
        for (int attempt = 1; attempt < 3; attempt++) {
            int failed = attempt;
            await(() -> row(job.id()).getAttempts() == failed && row(job.id()).getLeaseOwner() == null);
            assertEquals(JobState.WAITING.name(), row(job.id()).getState());
            clock.advance(POLICY.backoff(attempt));
        }
        await(() -> row(job.id()).getState().equals(JobState.FAILED.name()));
        assertEquals("gave up after 3 attempts; the last failed: the memory driver failed: the image store is locked",
            row(job.id()).getError());
        assertEquals(MachineState.ERROR, machineState(job));
        assertEquals(null, row(job.id()).getOpenMachineId());
    }

    @Test
    public void twoNodesAskingForAJobOfOneMachineAtOnceMakeOne() throws Exception {
        Store storeB = f.otherNode();
        TestNode a = node("n1", f.store);
        TestNode b = node("n2", storeB);
        MachineServiceImpl onA = machines(a, f.store);
        MachineServiceImpl onB = machines(b, storeB);
        Job created = create(onA, "pbx-once");
        await(() -> row(created.id()).getState().equals(JobState.SUCCEEDED.name()));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Job>> asked = new ArrayList<>();
            for (MachineServiceImpl service : List.of(onA, onB)) {
                asked.add(two.submit(() -> {
                    together.await();
                    return service.stop(f.admin, created.machineId(), true, null);
                }));
            }
            int made = 0;
            for (Future<Job> a1 : asked) {
                try {
                    a1.get();
                    made++;
                } catch (ExecutionException e) {
                    assertEquals(e.getCause().toString(), ErrorCode.CONFLICT, ((MtmException) e.getCause()).code());
                }
            }
            assertEquals(1, made);
        } finally {
            two.shutdown();
        }
        assertEquals(1L, (long) f.store.read(em -> em.createQuery("SELECT COUNT(j) FROM JobEntity j WHERE j.machineId = :m"
            + " AND j.type = 'STOP'", Long.class).setParameter("m", created.machineId()).getSingleResult()));
    }

    @Test
    public void aSecondOpenJobOfAMachineIsRefusedByTheDatabaseEvenWhenNoCheckRanBefore() throws Exception {
        TestNode a = node("n1", f.store);
        Job created = create(machines(a, f.store), "pbx-constraint");
        await(() -> row(created.id()).getState().equals(JobState.SUCCEEDED.name()));
        a.die(); // the new jobs stay open
        f.store.writing(em -> JobRows.newJob(em, f.admin, em.find(MachineEntity.class, created.machineId()), JobType.STOP,
            null, clock.instant()));
        MtmException busy = TenantFixture.expect(ErrorCode.CONFLICT, null, () -> f.store.writing(em -> JobRows.newJob(em,
            f.admin, em.find(MachineEntity.class, created.machineId()), JobType.START, null, clock.instant())));
        assertEquals("machine pbx-constraint already has a job running; wait for it to end", busy.getMessage());
    }

    private Job create(MachineServiceImpl service, String hostname) {
        long draft = service.saveDraft(f.admin, new MachineRequest(null, hostname, null, new CustomerData("Co", "Ann",
            "ann@example.com", "+34 600 000 000", "Street 1", "B1"), "S", 5, 1, null)).id();
        return service.create(f.admin, draft, null);
    }

    private Node nodeNamed(NodeServiceImpl nodes, String name) {
        return nodes.list(f.admin).items().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private JobEntity row(long id) {
        return f.store.read(em -> em.find(JobEntity.class, id));
    }

    private MachineState machineState(Job job) {
        return f.store.read(em -> MachineState.valueOf(em.find(MachineEntity.class, job.machineId()).getState()));
    }
}
