package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.audit.ChainVerification;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.cluster.LocalNode;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineClaimEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.tenant.TenantFixture;
import org.mtmanager.tenant.catalog.PlanServiceImpl;

/**
 * Creates through two nodes at once (two service graphs over two factories on one database): the database alone
 * keeps every serial, internal address, hostname and idempotency key unique, and a deleted machine's address is
 * given again.
 */
public class CreateAcrossNodesTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private static final CustomerData CUSTOMER = new CustomerData("Co", "Ann", "ann@example.com", "+34 600 000 000", "Street 1", "B1");
    private final List<TestNode> engines = new ArrayList<>();
    private final List<MachineServiceImpl> nodes = new ArrayList<>();

    @Before
    public void twoNodes() {
        nodes.add(node(f.store, f.audit, f.plans));
        JpaStore other = f.otherNode();
        AuditLog otherAudit = new AuditLog(other);
        nodes.add(node(other, otherAudit, new PlanServiceImpl(other, otherAudit)));
    }

    private MachineServiceImpl node(JpaStore store, AuditLog audit, PlanServiceImpl plans) {
        Infrastructure infra = MemoryHosts.infrastructure(new JobEngineTest.MemoryDriver());
        TestNode node = TestNode.start(store, infra, Clock.systemUTC(), RetryPolicy.DEFAULT, LocalNode.named("n" + (engines.size() + 1)));
        engines.add(node);
        return new MachineServiceImpl(store, audit, plans, infra, node.engine);
    }

    @After
    public void stop() throws InterruptedException {
        for (TestNode e : engines) {
            e.stop();
        }
    }

    @Test
    public void concurrentCreatesThroughTwoNodesGetDistinctSerialsAndAddresses() throws Exception {
        int threads = 8;
        int each = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> made = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            MachineServiceImpl machines = nodes.get(t % 2);
            for (int i = 0; i < each; i++) {
                String hostname = "pbx-n" + t + "-" + i;
                made.add(pool.submit(() -> {
                    long draft = machines.saveDraft(f.admin, new MachineRequest(null, hostname, null, CUSTOMER, "SS", 5, 1, null)).id();
                    Job job = machines.create(f.admin, draft, null);
                    return job.machineId();
                }));
            }
        }
        Set<Long> ids = new HashSet<>();
        for (Future<Long> m : made) {
            ids.add(m.get());
        }
        pool.shutdown();
        assertEquals(threads * each, ids.size());

        List<MachineEntity> rows = f.store.read(em -> em.createQuery("SELECT m FROM MachineEntity m", MachineEntity.class).getResultList());
        assertEquals(threads * each, rows.size());
        assertEquals("serials", rows.size(), rows.stream().map(MachineEntity::getSerial).distinct().count());
        assertEquals("internal addresses", rows.size(), rows.stream().map(MachineEntity::getInternalIp).distinct().count());
        for (MachineEntity m : rows) {
            for (String claim : List.of(MachineClaimEntity.ADDRESS + m.getInternalIp(), MachineClaimEntity.HOSTNAME + m.getHostname())) {
                assertEquals(claim, m.getId(), f.store.read(em -> em.find(MachineClaimEntity.class, claim)).getMachineId());
            }
        }
        ChainVerification v = f.auditService.verify(f.admin);
        assertTrue(v.message(), v.intact());
    }

    @Test
    public void oneIdempotencyKeyThroughTwoNodesMakesOneMachine() throws Exception {
        long draft = nodes.get(0).saveDraft(f.admin, new MachineRequest(null, "pbx-once", null, CUSTOMER, "SS", 5, 1, null)).id();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Job>> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            MachineServiceImpl machines = nodes.get(i % 2);
            jobs.add(pool.submit(() -> {
                start.await();
                return machines.create(f.admin, draft, "create-pbx-once");
            }));
        }
        start.countDown();
        Set<Long> jobIds = new HashSet<>();
        for (Future<Job> j : jobs) {
            jobIds.add(j.get().id());
        }
        pool.shutdown();
        assertEquals("every request answers the one job", 1, jobIds.size());
        assertEquals(1L, f.count("MachineEntity"));
    }

    @Test
    public void oneHostnameThroughTwoNodesAtOnceMakesOneMachine() throws Exception {
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            drafts.add(nodes.get(i % 2).saveDraft(f.admin, new MachineRequest(null, "pbx-same", null, CUSTOMER, "SS", 5, 1, null)).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            MachineServiceImpl machines = nodes.get(i % 2);
            long draft = drafts.get(i);
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    machines.create(f.admin, draft, null);
                    return "created";
                } catch (MtmException e) {
                    return e.code() + " " + e.field() + " " + e.getMessage();
                }
            }));
        }
        start.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<String> o : outcomes) {
            answers.add(o.get());
        }
        pool.shutdown();
        assertEquals(answers.toString(), 1, answers.stream().filter("created"::equals).count());
        assertEquals(answers.toString(), 5, answers.stream()
            .filter("CONFLICT hostname hostname: pbx-same is taken on this platform"::equals).count());
        assertEquals(1L, f.count("MachineEntity"));
    }

    @Test
    public void aDeletedMachinesAddressIsGivenAgain() throws InterruptedException {
        MachineServiceImpl machines = nodes.get(0);
        Job created = machines.create(f.admin, machines.saveDraft(f.admin,
            new MachineRequest(null, "pbx-old", null, CUSTOMER, "SS", 5, 1, null)).id(), null);
        long first = created.machineId();
        JobEngineTest.await(() -> JobState.SUCCEEDED.name().equals(f.store.read(em -> em.find(JobEntity.class, created.id()).getState())));
        String address = f.store.read(em -> em.find(MachineEntity.class, first).getInternalIp());
        f.store.writing(em -> em.find(MachineEntity.class, first).setState(MachineState.DELETED.name()));

        long second = nodes.get(1).create(f.admin, nodes.get(1).saveDraft(f.admin,
            new MachineRequest(null, "pbx-new", null, CUSTOMER, "SS", 5, 1, null)).id(), null).machineId();
        assertEquals(address, f.store.read(em -> em.find(MachineEntity.class, second).getInternalIp()));
        assertEquals(second, f.store.read(em -> em.find(MachineClaimEntity.class, MachineClaimEntity.ADDRESS + address)).getMachineId());
    }
}
