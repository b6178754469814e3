package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineQuery;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.tenant.TenantFixture;

/**
 * The machine list walked with a cursor ({@code after}), and its total: the machines' tally, which the database
 * keeps in step with every write of a machine, however it is written.
 */
public class MachineListTest {
    private static final AtomicInteger SERIALS = new AtomicInteger();
    private static final MachineQuery ALL = new MachineQuery(null, null, null);

    @Rule
    public final TenantFixture f = new TenantFixture();

    private MachineServiceImpl machines;
    private Caller reseller;
    private long customer;
    private long elsewhere;

    @Before
    public void platform() {
        machines = new MachineServiceImpl(f.store, f.audit, f.plans, new Infrastructure(), null);
        reseller = f.tenantAdmin("reseller", "Walkers", "walker-admin", "reseller-admin");
        customer = f.account(reseller, reseller.accountId(), "customer", "Walker Customer").id();
        elsewhere = f.account(f.admin, null, "reseller", "Elsewhere").id();
    }

    @Test
    public void walkingWithAfterReturnsEveryMachineOfTheSubtreeOnceInOrder() {
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            expected.add(machine(i % 2 == 0 ? customer : reseller.accountId(), "RUNNING"));
            machine(elsewhere, "RUNNING");
        }
        long deletedBefore = machine(customer, "DELETED");

        List<Long> seen = new ArrayList<>();
        Page<Machine> page = machines.list(reseller, ALL, PageRequest.first(5));
        int pages = 1;
        long removed = expected.get(17);
        while (true) {
            assertEquals("the total on page " + pages, expected.size(), page.total());
            page.items().forEach(m -> seen.add(m.id()));
            if (page.next() == null) {
                break;
            }
            assertEquals("the cursor is the page's last id", seen.get(seen.size() - 1), page.next());
            if (pages == 2) {
                // Changes while a client walks: a new machine comes at the end, a deleted one is not shown.
                expected.add(machine(customer, "STOPPED"));
                delete(removed);
                expected.remove(Long.valueOf(removed));
            }
            page = machines.list(reseller, ALL, PageRequest.after(page.next(), 5));
            pages++;
        }
        assertEquals(expected, seen);
        assertTrue("nothing from outside the subtree, and no deleted machine: " + seen, !seen.contains(deletedBefore));
        assertEquals(5, pages);
    }

    @Test
    public void aFullLastPageHasNoNextAndAnOffsetPageHandsOutTheCursorToo() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(machine(customer, "RUNNING"));
        }
        Page<Machine> first = machines.list(reseller, ALL, new PageRequest(3, 4));
        assertEquals(ids.subList(3, 7), first.items().stream().map(Machine::id).toList());
        assertEquals(ids.get(6), first.next());
        Page<Machine> last = machines.list(reseller, ALL, PageRequest.after(first.next(), 3));
        assertEquals(ids.subList(7, 10), last.items().stream().map(Machine::id).toList());
        assertNull("the last page, although full", last.next());
        assertEquals(List.of(), machines.list(reseller, ALL, PageRequest.after(ids.get(9), 3)).items());
        Page<Machine> all = machines.list(reseller, ALL, PageRequest.first(10));
        assertNull(all.next());
        assertEquals(10, all.total());
    }

    @Test
    public void offsetAndAfterTogetherAreRefusedNamingBoth() {
        String both = expect(ErrorCode.INVALID_FIELD, "after", () -> PageRequest.of(10, 5, 3L)).getMessage();
        assertTrue(both, both.contains("offset") && both.contains("after"));
        expect(ErrorCode.INVALID_FIELD, "after", () -> PageRequest.of(0, 5, 3L));
        expect(ErrorCode.INVALID_FIELD, "after", () -> new PageRequest(1, 5, 3L));
        expect(ErrorCode.INVALID_FIELD, "after", () -> PageRequest.of(null, 5, -1L));
        expect(ErrorCode.INVALID_FIELD, "limit", () -> PageRequest.of(null, 0, 3L));
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_LIMIT, 3L), PageRequest.of(null, null, 3L));
    }

    @Test
    public void theTotalIsTheCountAfterEveryKindOfWrite() {
        String customerPath = path(customer);
        long a = machine(customer, "RUNNING");
        long b = machine(customer, "RUNNING");
        long c = machine(reseller.accountId(), "STOPPED");
        machine(elsewhere, "RUNNING");
        assertTotals();
        // An entity's state changes, a bulk update, a move to another account, a delete, a row removed.
        f.store.writing(em -> em.find(MachineEntity.class, a).setState("STOPPED"));
        assertTotals();
        // Bulk statements name what they wrote, as the platform's own must (EntityChanges), so that the pages the
        // list remembers are read again; the tally needs no such help.
        f.store.writing(em -> {
            em.createQuery("UPDATE MachineEntity m SET m.state = 'ERROR' WHERE m.accountPath LIKE :p")
                .setParameter("p", customerPath + "%").executeUpdate();
            EntityChanges.touched(MachineEntity.class);
        });
        assertTotals();
        f.store.writing(em -> {
            MachineEntity m = em.find(MachineEntity.class, c);
            m.setAccountId(elsewhere);
            m.setAccountPath(path(elsewhere));
        });
        assertTotals();
        delete(b);
        assertTotals();
        f.store.writing(em -> em.remove(em.find(MachineEntity.class, a)));
        assertTotals();
        f.store.writing(em -> {
            em.createNativeQuery("DELETE FROM MTM_MACHINE WHERE ID = ?").setParameter(1, c).executeUpdate();
            EntityChanges.touched(MachineEntity.class);
        });
        assertTotals();

        assertTrue("keys folded", MachineTallies.fold(f.store) > 0);
        assertTotals();
        assertEquals("a second fold finds nothing left", 0, MachineTallies.fold(f.store));
        long keys = f.store.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT DISTINCT ACCOUNTID, "
            + "ACCOUNTPATH, STATE FROM MTM_MACHINE) k").getSingleResult()).longValue());
        assertEquals("one row per key", keys, rows());
        machine(customer, "RUNNING");
        assertTotals();
    }

    /** The list's total, for each scope and filter, is COUNT(*) of the machine rows. */
    private void assertTotals() {
        Caller customerAdmin = new Caller(0, "c", customer, path(customer), reseller.role(), "127.0.0.1", reseller.channel());
        for (Caller who : List.of(f.admin, reseller, customerAdmin)) {
            for (String state : new String[] {null, "RUNNING", "STOPPED", "ERROR", "DELETED"}) {
                for (Long account : new Long[] {null, customer}) {
                    long expected = count(who == f.admin ? null : who.accountPath(), account, state);
                    assertEquals(who.username() + " " + state + " " + account, expected,
                        machines.list(who, new MachineQuery(account, state, null), PageRequest.first(1)).total());
                }
            }
        }
    }

    /** @param path null: every machine */
    private long count(String path, Long account, String state) {
        return f.store.read(em -> {
            var q = em.createQuery("SELECT COUNT(m) FROM MachineEntity m WHERE " + (path == null ? "1 = 1" : "m.accountPath LIKE :p")
                + (account == null ? "" : " AND m.accountId = :acc") + (state == null ? " AND m.state <> 'DELETED'" : " AND m.state = :s"),
                Long.class);
            if (path != null) {
                q.setParameter("p", path + "%");
            }
            if (account != null) {
                q.setParameter("acc", account);
            }
            if (state != null) {
                q.setParameter("s", state);
            }
            return q.getSingleResult();
        });
    }

    private long rows() {
        return f.store.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM MTM_MACHINE_TALLY").getSingleResult()).longValue());
    }

    private String path(long account) {
        return f.store.read(em -> em.find(AccountEntity.class, account).getPath());
    }

    private long machine(long accountId, String state) {
        String path = path(accountId);
        return f.store.write(em -> {
            MachineEntity m = new MachineEntity();
            m.setSerial(String.format("WK%010d", SERIALS.incrementAndGet()));
            m.setHostname("walk-" + SERIALS.get());
            m.setAccountId(accountId);
            m.setAccountPath(path);
            m.setPlanId(1);
            m.setPbxVersion("16.2");
            m.setState(state);
            m.setCreatedAt(Instant.parse("2030-01-01T10:00:00Z"));
            m.setUpdatedAt(Instant.parse("2030-01-01T10:00:00Z"));
            em.persist(m);
            em.flush();
            assertNotNull(m.getId());
            return m.getId();
        });
    }

    private void delete(long id) {
        f.store.writing(em -> em.find(MachineEntity.class, id).setState("DELETED"));
    }
}
