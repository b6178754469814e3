package org.mtmanager.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.AppEntity;
import org.mtmanager.store.testing.StoreRule;

public class JpaStoreTest {
    @Rule
    public final StoreRule db = new StoreRule("storetest");
    private JpaStore store;

    @Before
    public void open() {
        store = db.store();
    }

    @Test
    public void writesCommitAndInstantsRoundTrip() {
        Instant now = Instant.parse("2026-11-25T10:15:30.123Z");
        long id = store.write(em -> {
            AccountEntity a = account("alpha", now);
            em.persist(a);
            em.flush();
            return a.getId();
        });
        AccountEntity back = store.read(em -> em.find(AccountEntity.class, id));
        assertNotNull(back);
        assertEquals("alpha", back.getName());
        assertEquals(now, back.getCreatedAt());
    }

    @Test
    public void failedWorkRollsBack() {
        try {
            store.writing(em -> {
                AppEntity app = new AppEntity();
                app.setKey("rollback-me");
                app.setName("x");
                app.setLicenceType("PER_USER");
                em.persist(app);
                em.flush();
                throw new IllegalStateException("boom");
            });
            fail();
        } catch (IllegalStateException expected) {
            // the unit of work failed after its flush
        }
        assertTrue(store.read(em -> em.find(AppEntity.class, "rollback-me") == null));
    }

    @Test
    public void duplicateUniqueValueIsAConflict() {
        Instant now = Instant.now();
        store.writing(em -> em.persist(account("dup", now)));
        try {
            store.writing(em -> em.persist(account("dup", now)));
            fail("a second sibling with the same name must be refused");
        } catch (MtmException e) {
            assertEquals(ErrorCode.CONFLICT, e.code());
        }
        long count = store.read(em -> em.createQuery(
            "SELECT COUNT(a) FROM AccountEntity a WHERE a.nameKey = 'dup'", Long.class).getSingleResult());
        assertTrue(count == 1);
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
