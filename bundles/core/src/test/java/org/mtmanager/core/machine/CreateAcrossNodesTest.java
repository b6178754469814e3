package org.mtmanager.core.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.audit.ChainVerification;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.core.CoreFixture;
import org.mtmanager.core.audit.AuditLog;
import org.mtmanager.core.catalog.PlanServiceImpl;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.entity.InternalAddressEntity;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineEntity;

/**
 * Creates through two nodes at once (two service graphs over two factories on one database): the database alone
 * keeps every serial and internal address unique, and a deleted machine's address is given again.
 */
public class CreateAcrossNodesTest {
    @Rule
    public final CoreFixture f = new CoreFixture();

    private static final CustomerData CUSTOMER = new CustomerData("Co", "Ann", "ann@example.com", "+34 600 000 000", "Street 1", "B1");
    private final List<JobEngine> engines = new ArrayList<>();
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
        JobEngine engine = new JobEngine(store, infra);
        engines.add(engine);
        return new MachineServiceImpl(store, audit, plans, infra, engine);
    }

    @After
    public void stop() throws InterruptedException {
        for (JobEngine e : engines) {
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
            InternalAddressEntity taken = f.store.read(em -> em.find(InternalAddressEntity.class, m.getInternalIp()));
            assertEquals(m.getInternalIp(), m.getId(), taken.getMachineId());
        }
        ChainVerification v = f.auditService.verify(f.admin);
        assertTrue(v.message(), v.intact());
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
        assertEquals(second, f.store.read(em -> em.find(InternalAddressEntity.class, address)).getMachineId());
    }
}
