package org.mtmanager.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.junit.After;
import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.PlanEntity;
import org.mtmanager.store.testing.JpaStores;

/**
 * What replaces the JVM-wide write lock: a unit of work the database refused for a conflict a second try resolves
 * runs again, so writers on two nodes (two factories on one database) lose no update and see each other's values.
 */
public class JpaStoreRetryTest {
    private final String db = "retry-" + UUID.randomUUID();
    private final List<EntityManagerFactory> factories = new ArrayList<>();

    private JpaStore node() {
        EntityManagerFactory emf = JpaStores.embeddedFactory("jdbc:derby:memory:" + db + ";create=true");
        factories.add(emf);
        return new JpaStore(emf);
    }

    @After
    public void drop() {
        factories.forEach(EntityManagerFactory::close);
        try {
            DriverManager.getConnection("jdbc:derby:memory:" + db + ";drop=true").close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception (08006).
        }
    }

    @Test
    public void aDeadlockOrSerializationFailureRunsTheUnitAgain() {
        JpaStore store = node();
        for (String state : List.of("40001", "40P01", "40XL1", "40XL2")) {
            AtomicInteger attempts = new AtomicInteger();
            String done = store.write(em -> {
                if (attempts.incrementAndGet() < 3) {
                    throw new PersistenceException("refused", new SQLException("refused by the database", state));
                }
                return "done";
            });
            assertEquals(state, "done", done);
            assertEquals(state, 3, attempts.get());
        }
    }

    @Test
    public void aConflictThatStaysIsA409AfterBoundedAttempts() {
        JpaStore store = node();
        AtomicInteger attempts = new AtomicInteger();
        MtmException e = assertThrows(MtmException.class, () -> store.writing(em -> {
            attempts.incrementAndGet();
            throw new PersistenceException("refused", new SQLException("deadlock", "40P01"));
        }));
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertEquals(JpaStore.ATTEMPTS, attempts.get());
    }

    @Test
    public void otherFailuresRunOnce() {
        JpaStore store = node();
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(MtmException.class, () -> store.writing(em -> {
            attempts.incrementAndGet();
            throw MtmException.invalid("name", "is required");
        }));
        assertEquals(1, attempts.get());
        assertThrows(PersistenceException.class, () -> store.writing(em -> {
            attempts.incrementAndGet();
            throw new PersistenceException("broken", new SQLException("syntax", "42X01"));
        }));
        assertEquals(2, attempts.get());
    }

    @Test
    public void aUniqueValueTakenMeanwhileIsChosenAgainOnTheNextAttempt() {
        JpaStore store = node();
        Instant now = Instant.now();
        store.writing(em -> em.persist(account("taken", now)));
        AtomicInteger attempts = new AtomicInteger();
        // The first attempt chooses a value it read as free; the second reads again and chooses another.
        String chosen = store.write(em -> {
            String name = attempts.incrementAndGet() == 1 ? "taken" : "free";
            em.persist(account(name, now));
            return name;
        });
        assertEquals("free", chosen);
        assertEquals(2, attempts.get());
    }

    @Test
    public void concurrentIncrementsThroughTwoNodesLoseNoUpdate() throws Exception {
        JpaStore a = node();
        JpaStore b = node();
        long plan = a.write(em -> {
            PlanEntity p = new PlanEntity();
            p.setOwnerAccountId(1);
            p.setName("counter");
            p.setTier(1);
            p.setVcpu(1);
            p.setMemoryMb(1);
            p.setDiskGb(1);
            p.setMaxExtensions(1);
            p.setMaxTenants(1);
            p.setMaxConcurrentCalls(0);
            em.persist(p);
            em.flush();
            return p.getId();
        });
        // Two writers per node: enough to collide on every increment, few enough that none runs out of attempts on a
        // loaded machine (eight starved one there, which is the bound working, not an update lost).
        int threads = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            JpaStore node = t % 2 == 0 ? a : b;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    node.writing(em -> {
                        PlanEntity p = em.find(PlanEntity.class, plan);
                        p.setMaxConcurrentCalls(p.getMaxConcurrentCalls() + 1);
                    });
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(threads * each, (int) b.read(em -> em.find(PlanEntity.class, plan).getMaxConcurrentCalls()));
    }

    private static AccountEntity account(String name, Instant now) {
        AccountEntity a = new AccountEntity();
        a.setParentId(0);
        a.setType("PLATFORM");
        a.setName(name);
        a.setNameKey(name);
        a.setStatus("ACTIVE");
        a.setPath("/");
        a.setCreatedAt(now);
        a.setUpdatedAt(now);
        return a;
    }
}
