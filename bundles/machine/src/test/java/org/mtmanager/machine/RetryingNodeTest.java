package org.mtmanager.machine;

import java.sql.SQLDataException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.junit.After;
import org.junit.Rule;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.cluster.LocalNode;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.testing.TestClock;
import org.mtmanager.tenant.TenantFixture;

/**
 * One node whose job engine tries a job three times (10 s, then 20 s apart) over a store that refuses the job
 * workers' writes it is told to; the clock is moved by hand, so pauses and leases take no time.
 */
abstract class RetryingNodeTest {
    /** Three attempts, 10 s and then 20 s apart. */
    static final Duration BACKOFF = Duration.ofSeconds(10);
    static final Duration LEASE = Duration.ofSeconds(10);

    @Rule
    public final TenantFixture f = new TenantFixture();

    final TestClock clock = new TestClock(Instant.now());
    final Infrastructure infra = new Infrastructure();
    final JobEngineTest.MemoryDriver driver = new JobEngineTest.MemoryDriver();
    RefusingStore store;
    TestNode node;
    JobEngine engine;
    MachineServiceImpl machines;

    /**
     * The platform's store, refusing the writes of job workers it is told to, by number (1 is the first write of a
     * worker after arming). Claims, heartbeats and requests write on other threads, and are not refused.
     */
    static final class RefusingStore implements Store {
        private final Store delegate;
        final AtomicInteger writes = new AtomicInteger();
        private volatile Set<Integer> refused = Set.of();

        RefusingStore(Store delegate) {
            this.delegate = delegate;
        }

        void refuse(Integer... numbers) {
            writes.set(0);
            refused = Set.of(numbers);
        }

        @Override
        public <T> T read(Function<EntityManager, T> work) {
            return delegate.read(work);
        }

        @Override
        public <T> T write(Function<EntityManager, T> work) {
            if (Thread.currentThread().getName().matches("mtm-job-\\d+") && refused.contains(writes.incrementAndGet())) {
                // as OpenJPA reports what Derby refuses
                throw new PersistenceException("<openjpa-3.2.2-re5933d6 fatal general error> "
                    + "org.apache.openjpa.persistence.PersistenceException: A truncation error was encountered trying to shrink "
                    + "VARCHAR 'x' to length 200. {prepstmnt 1 UPDATE MTM_JOB SET step = ?} [code=20000, state=22001]",
                    new SQLDataException("A truncation error was encountered trying to shrink VARCHAR 'x' to length 200.", "22001"));
            }
            return delegate.write(work);
        }
    }

    void start(Duration poll) {
        store = new RefusingStore(f.store);
        infra.addHost(new HostConfig(new HostSettings("h1", "memory", Map.of()), 32, 65536, 1000));
        infra.addDriver(driver, Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        node = TestNode.start(store, infra, clock, new RetryPolicy(3, BACKOFF, Duration.ofMinutes(5)),
            new LocalNode("n1", LEASE, null, poll));
        engine = node.engine;
        machines = new MachineServiceImpl(f.store, f.audit, f.plans, infra, engine);
    }

    /** The engine polls for claimable jobs only when the test asks it to (and once as it starts). */
    void start() {
        start(Duration.ofHours(1));
    }

    @After
    public void stop() throws InterruptedException {
        if (node != null) {
            node.stop();
        }
    }

    Job create(String hostname) {
        long draft = machines.saveDraft(f.admin, new MachineRequest(null, hostname, null, new CustomerData("Co", "Ann",
            "ann@example.com", "+34 600 000 000", "Street 1", "B1"), "S", 5, 1, null)).id();
        return machines.create(f.admin, draft, null);
    }

    JobEntity row(long id) {
        return f.store.read(em -> em.find(JobEntity.class, id));
    }

    JobState jobState(long id) {
        return JobState.valueOf(row(id).getState());
    }

    MachineState machineState(Job job) {
        return machines.get(f.admin, job.machineId()).state();
    }
}
