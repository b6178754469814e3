package org.mtmanager.access.did;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.BadFileException;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.LineError;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.api.did.DidImport;
import org.mtmanager.api.did.DidMatch;
import org.mtmanager.api.did.DidRoute;
import org.mtmanager.api.did.DidRouteDraft;
import org.mtmanager.api.did.DidRouteQuery;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.tenant.TenantFixture;

/**
 * The DID table on a real database: longest-prefix lookup, what counts as an overlap, who sees and changes what,
 * CSV import (all or nothing) and export, and the audit of every change. Machines are plain rows here; their
 * removal with a deleted machine is tested through the job engine in the machine package.
 */
public class DidRouteServiceTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private DidRouteServiceImpl dids;
    private Caller operator;
    private Caller opReseller;
    private Caller reseller;
    private Caller opViewer;
    /** Machines of the operator's reseller. */
    private long a;
    private long b;
    /** A machine of a reseller directly under the platform, outside the operator's subtree. */
    private long c;
    private long deleting;
    private long deleted;
    private int serials;

    @Before
    public void tree() {
        dids = new DidRouteServiceImpl(f.store, f.audit);
        operator = f.tenantAdmin("operator", "Op", "op-admin", "operator-admin");
        long opRes = f.account(operator, operator.accountId(), "reseller", "Op Reseller").id();
        f.user(operator, opRes, "opres-admin", "reseller-admin");
        opReseller = f.login("opres-admin");
        f.user(operator, operator.accountId(), "op-viewer", "viewer");
        opViewer = f.login("op-viewer");
        reseller = f.tenantAdmin("reseller", "Res", "res-admin", "reseller-admin");
        a = machine("pbx-a", opRes, MachineState.RUNNING);
        b = machine("pbx-b", opRes, MachineState.STOPPED);
        c = machine("pbx-c", reseller.accountId(), MachineState.RUNNING);
        deleting = machine("pbx-going", opRes, MachineState.DELETING);
        deleted = machine("pbx-gone", opRes, MachineState.DELETED);
    }

    private long machine(String hostname, long accountId, MachineState state) {
        int n = ++serials;
        return f.store.write(em -> {
            MachineEntity m = new MachineEntity();
            m.setSerial(String.format("MT%010d", n));
            m.setHostname(hostname);
            m.setAccountId(accountId);
            m.setAccountPath(em.find(AccountEntity.class, accountId).getPath());
            m.setInternalIp("10.100.0." + (10 + n));
            m.setState(state.name());
            m.setCreatedAt(Instant.now());
            m.setUpdatedAt(Instant.now());
            em.persist(m);
            em.flush();
            return m.getId();
        });
    }

    private DidRoute add(Caller caller, String number, Object machine) {
        return dids.create(caller, new DidRouteDraft(number, String.valueOf(machine), null));
    }

    private long routes() {
        return f.count("DidRouteEntity");
    }

    // ---- matching and overlaps ----------------------------------------------------------------------------

    @Test
    public void aNumberGoesToItsLongestPrefix() {
        add(f.admin, "+3491", c);
        add(f.admin, "+34915550", "pbx-a");
        DidRoute longest = add(f.admin, "34 9155 501", "MT0000000002");
        assertEquals("+349155501", longest.number());
        assertEquals(b, longest.machineId());
        assertEquals("pbx-b", longest.machineHostname());

        DidMatch m = dids.lookup(f.admin, "+34915550123");
        assertEquals("+34915550123", m.number());
        assertEquals("+349155501", m.route().number());
        assertEquals("10.100.0.12", m.internalIp());
        assertEquals(MachineState.STOPPED, m.machineState());
        assertEquals(a, dids.lookup(f.admin, "+34915550999").route().machineId());
        assertEquals("a full number matches a prefix equal to it", a, dids.lookup(f.admin, "+34915550").route().machineId());
        assertEquals(c, dids.lookup(f.admin, "+34911234567").route().machineId());
        assertEquals(c, dids.lookup(f.admin, " 349155").route().machineId());
        TenantFixture.expect(ErrorCode.NOT_FOUND, "number", () -> dids.lookup(f.admin, "+33123456789"));
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "number", () -> dids.lookup(f.admin, "0034915550"));
        assertEquals("exact lookup is not a prefix match", longest.id(), dids.find(f.admin, "+349155501").id());
        TenantFixture.expect(ErrorCode.NOT_FOUND, "number", () -> dids.find(f.admin, "+349155502"));
    }

    @Test
    public void theSamePrefixTwiceIsAConflictHoweverItIsWritten() {
        add(operator, "+34915550", a);
        TenantFixture.expect(ErrorCode.CONFLICT, "number", () -> add(operator, "34 (915) 550", b));
        TenantFixture.expect(ErrorCode.CONFLICT, "number", () -> add(f.admin, "+34915550", c));
        assertEquals(1, routes());
    }

    @Test
    public void nestedPrefixesAreAllowedInsideOnesOwnSubtreeAndRefusedAcrossAccounts() {
        add(operator, "+3480", a);
        DidRoute inner = add(operator, "+34801", b);
        add(operator, "+348011", a);
        assertEquals(inner.id(), dids.lookup(operator, "+348019999").route().id());
        add(f.admin, "+3490", c);
        String inside = TenantFixture.expect(ErrorCode.RULE_VIOLATION, "number", () -> add(operator, "+34901", a)).getMessage();
        assertTrue(inside, inside.contains("+34901 lies inside +3490"));
        assertFalse("the other account's machine stays unknown: " + inside, inside.contains("pbx-c"));
        String covers = TenantFixture.expect(ErrorCode.RULE_VIOLATION, "number", () -> add(operator, "+349", a)).getMessage();
        assertTrue(covers, covers.contains("+349 covers +3490"));
        // The platform administrator manages every route, so nesting is never across accounts for it.
        add(f.admin, "+34902", a);
        add(f.admin, "+34", b);
        assertEquals(6, routes());
    }

    // ---- authorisation ------------------------------------------------------------------------------------

    @Test
    public void onlyPlatformAndOperatorAdministratorsManageAndOnlyTheirOwnMachines() {
        TenantFixture.expect(ErrorCode.FORBIDDEN, null, () -> add(reseller, "+1555", c));
        TenantFixture.expect(ErrorCode.FORBIDDEN, null, () -> add(opReseller, "+1555", a));
        TenantFixture.expect(ErrorCode.FORBIDDEN, null, () -> add(opViewer, "+1555", a));
        TenantFixture.expect(ErrorCode.NOT_FOUND, "machine", () -> add(operator, "+1555", c));
        TenantFixture.expect(ErrorCode.NOT_FOUND, "machine", () -> add(operator, "+1555", "pbx-c"));
        TenantFixture.expect(ErrorCode.NOT_FOUND, "machine", () -> add(operator, "+1555", "nope"));
        TenantFixture.expect(ErrorCode.CONFLICT, "machine", () -> add(operator, "+1555", deleting));
        TenantFixture.expect(ErrorCode.NOT_FOUND, "machine", () -> add(operator, "+1555", deleted));
        TenantFixture.expect(ErrorCode.NOT_FOUND, "machine", () -> add(f.admin, "+1555", "pbx-gone"));
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "machine", () -> add(operator, "+1555", " "));
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "description",
            () -> dids.create(operator, new DidRouteDraft("+1555", "pbx-a", "x".repeat(201))));
        assertEquals(0, routes());

        DidRoute foreign = add(f.admin, "+1666", c);
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> dids.delete(operator, foreign.id()));
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> dids.update(operator, foreign.id(), new DidRouteDraft(null, "pbx-a", null)));
        TenantFixture.expect(ErrorCode.FORBIDDEN, null, () -> dids.delete(reseller, foreign.id()));
        DidRoute mine = add(operator, "+1777", a);
        TenantFixture.expect(ErrorCode.FORBIDDEN, null, () -> dids.delete(opReseller, mine.id()));
        TenantFixture.expect(ErrorCode.NOT_FOUND, "machine",
            () -> dids.update(operator, mine.id(), new DidRouteDraft(null, "pbx-c", null)));
        dids.delete(f.admin, foreign.id());
        assertEquals(1, routes());
    }

    @Test
    public void eachResellerSeesTheRoutesOfItsOwnMachinesOnly() {
        DidRoute ra = add(operator, "+3480", a);
        add(operator, "+3481", b);
        DidRoute rc = add(f.admin, "+3490", c);
        // A route of reseller c's machine that covers a route of the operator's reseller, as only the admin may.
        add(f.admin, "+348", c);

        assertEquals(List.of("+348", "+3480", "+3481", "+3490"), numbers(f.admin));
        assertEquals(List.of("+3480", "+3481"), numbers(operator));
        assertEquals(List.of("+3480", "+3481"), numbers(opReseller));
        assertEquals(List.of("+3480", "+3481"), numbers(opViewer));
        assertEquals(List.of("+348", "+3490"), numbers(reseller));
        assertEquals(List.of("+3480"), dids.list(opReseller, new DidRouteQuery(a, null), PageRequest.first(10)).items()
            .stream().map(DidRoute::number).toList());
        assertEquals(List.of("+3481"), dids.list(operator, new DidRouteQuery(null, "+3481"), PageRequest.first(10)).items()
            .stream().map(DidRoute::number).toList());
        assertEquals(2, dids.list(operator, null, new PageRequest(1, 1)).total());

        assertEquals(ra.id(), dids.get(opReseller, ra.id()).id());
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> dids.get(opReseller, rc.id()));
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> dids.get(reseller, ra.id()));
        // filtering by a machine outside the subtree is the same NOT_FOUND as reading it, not an empty page
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> dids.list(reseller, new DidRouteQuery(a, null), PageRequest.first(10)));
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> dids.list(opReseller, new DidRouteQuery(c, null), PageRequest.first(10)));
        assertEquals(a, dids.lookup(opReseller, "+348012345").route().machineId());
        TenantFixture.expect(ErrorCode.NOT_FOUND, "number", () -> dids.lookup(opReseller, "+349012345"));
        // The number's real route is c's +348: the operator is told it is not routed, never sent to a shorter route.
        TenantFixture.expect(ErrorCode.NOT_FOUND, "number", () -> dids.lookup(operator, "+348212345"));
        assertEquals(c, dids.lookup(reseller, "+348212345").route().machineId());
        TenantFixture.expect(ErrorCode.NOT_FOUND, "number", () -> dids.find(reseller, "+3480"));
        assertEquals("number,machine,description\n+3480,pbx-a,\n+3481,pbx-b,\n", dids.exportCsv(opReseller));
    }

    private List<String> numbers(Caller caller) {
        return dids.list(caller, DidRouteQuery.ALL, PageRequest.first(100)).items().stream().map(DidRoute::number).toList();
    }

    // ---- changes and audit --------------------------------------------------------------------------------

    @Test
    public void everyChangeAndEveryRefusalIsAudited() {
        DidRoute r = dids.create(operator, new DidRouteDraft("+3480", "pbx-a", "Main line"));
        assertEquals("Main line", r.description());
        assertEquals("op-admin", r.createdBy());
        DidRoute moved = dids.update(operator, r.id(), new DidRouteDraft("+34800", "pbx-b", null));
        assertEquals("+34800", moved.number());
        assertEquals(b, moved.machineId());
        assertEquals("a null description is kept", "Main line", moved.description());
        assertNull("an empty one clears it", dids.update(operator, r.id(), new DidRouteDraft(null, null, "")).description());
        add(f.admin, "+3490", c);
        TenantFixture.expect(ErrorCode.RULE_VIOLATION, "number",
            () -> dids.update(operator, r.id(), new DidRouteDraft("+34901", null, null)));
        dids.delete(operator, r.id());
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> dids.get(operator, r.id()));
        TenantFixture.expect(ErrorCode.FORBIDDEN, null, () -> add(reseller, "+1555", c));

        var ok = f.auditService.list(f.admin, new AuditQuery(null, "did-route.*", null, "SUCCESS", null, null),
            PageRequest.first(50)).items();
        assertEquals(List.of("did-route.delete", "did-route.create", "did-route.update", "did-route.update", "did-route.create"),
            ok.stream().map(e -> e.action()).toList());
        assertTrue(ok.get(3).detail(), ok.get(3).detail().contains("+3480 -> pbx-a") && ok.get(3).detail().contains("=> +34800 -> pbx-b"));
        assertEquals("the operator's reseller sees the entries of its machines", 4,
            f.auditService.list(opReseller, new AuditQuery(null, "did-route.*", null, "SUCCESS", null, null),
                PageRequest.first(50)).total());
        assertEquals(1, f.auditService.list(f.admin, new AuditQuery(null, "did-route.update", null, "FAILED", null, null),
            PageRequest.first(50)).total());
        assertEquals(1, f.auditService.list(f.admin, new AuditQuery("res-admin", "did-route.create", null, "DENIED", null, null),
            PageRequest.first(50)).total());
    }

    // ---- CSV ------------------------------------------------------------------------------------------------

    @Test
    public void anImportAppliesTheWholeFileAndAnExportReadsBackUnchanged() {
        DidImport first = dids.importCsv(operator, "number,machine,description\n"
            + "+3480,pbx-a,\"Madrid, main\"\n"
            + "\n"
            + "34 81,MT0000000002,\n"
            + "+34811," + a + ",=1+1\n", false);
        assertEquals(new DidImport(3, 3, 0, 0, 0), first);
        String csv = dids.exportCsv(operator);
        assertEquals("number,machine,description\n+3480,pbx-a,\"Madrid, main\"\n+3481,pbx-b,\n+34811,pbx-a,\"'=1+1\"\n", csv);
        assertEquals(new DidImport(3, 0, 0, 3, 0), dids.importCsv(operator, csv, false));
        assertEquals("=1+1", dids.find(operator, "+34811").description());

        DidImport merged = dids.importCsv(operator, "number,machine\n+3481,pbx-a\n+3482,pbx-b\n", false);
        assertEquals(new DidImport(2, 1, 1, 0, 0), merged);
        assertEquals(a, dids.find(operator, "+3481").machineId());
        assertEquals(4, routes());

        add(f.admin, "+3490", c);
        DidImport replaced = dids.importCsv(operator, "number,machine\n+3482,pbx-b\n+3483,pbx-a\n", true);
        assertEquals("the operator's routes the file leaves out go, and no one else's", new DidImport(2, 1, 0, 1, 3), replaced);
        assertEquals(List.of("+3482", "+3483", "+3490"), numbers(f.admin));
        var summary = f.auditService.list(f.admin, new AuditQuery(null, "did-route.import", null, "SUCCESS", null, null),
            PageRequest.first(10)).items().get(0);
        assertEquals("2 route(s): 1 created, 0 updated, 1 unchanged, 3 removed", summary.detail());
        assertEquals(3, f.auditService.list(f.admin, new AuditQuery(null, "did-route.delete", null, "SUCCESS", null, null),
            PageRequest.first(10)).total());
        assertEquals("one entry per created route", 5, f.auditService.list(f.admin,
            new AuditQuery("op-admin", "did-route.create", null, "SUCCESS", null, null), PageRequest.first(10)).total());
        assertTrue("entries appended together still chain", f.auditService.verify(f.admin).intact());
    }

    @Test
    public void aFileWithAnyBadLineChangesNothingAndNamesEveryBadLine() {
        add(f.admin, "+3490", c);
        add(operator, "+3470", a);
        String before = dids.exportCsv(f.admin);
        long audited = f.count("AuditEntity");
        BadFileException e = assertThrows(BadFileException.class, () -> dids.importCsv(operator, "number,machine,description\n"
            + "+3480,pbx-a,\"fine, quoted\"\n"          // 2: good
            + "\n"                                         // 3: skipped
            + "+34-81,pbx-a,\n"                            // 4: a range-like number
            + "0034815,pbx-a,\n"                           // 5: national form
            + "+3482,pbx-zz,\n"                            // 6: unknown machine
            + "+3483,pbx-c,\n"                             // 7: a machine outside the operator's subtree
            + "+3484,pbx-going,\n"                         // 8: a machine being deleted
            + "34 80,pbx-b,\n"                             // 9: the same number as line 2
            + "+3490,pbx-a,\n"                             // 10: routed by another account
            + "+34901,pbx-a,\n"                            // 11: inside another account's route
            + "+349,pbx-a,\n"                              // 12: covering another account's route
            + "+3485,,\n"                                  // 13: no machine
            + "+3486,pbx-a,\"" + "x".repeat(201) + "\"\n"  // 14: description too long
            + "+3487\n"                                    // 15: a column short
            + "+3470,pbx-b,moved\n", false));              // 16: good (updates its own route)
        assertEquals(ErrorCode.INVALID_FIELD, e.code());
        assertEquals("file", e.field());
        List<LineError> errors = e.errors();
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), errors.stream().map(LineError::line).toList());
        assertEquals(List.of("number", "number", "machine", "machine", "machine", "number", "number", "number", "number",
            "machine", "description"), errors.subList(0, 11).stream().map(LineError::field).toList());
        assertNull(errors.get(11).field());
        assertEquals("machine: pbx-zz not found", errors.get(2).message());
        assertEquals("machine: pbx-c not found", errors.get(3).message());
        assertEquals("number: +3480 is already on line 2", errors.get(5).message());
        assertEquals("number: +3490 is already routed", errors.get(6).message());
        assertTrue(e.getMessage(), e.getMessage().startsWith("file: 12 bad line(s), nothing was applied: line 4: number: "));

        assertEquals("nothing applied", before, dids.exportCsv(f.admin));
        assertEquals("only the refused attempt is audited", audited + 1, f.count("AuditEntity"));
        assertEquals(1, f.auditService.list(f.admin, new AuditQuery("op-admin", "did-route.import", null, "FAILED", null, null),
            PageRequest.first(10)).total());
        TenantFixture.expect(ErrorCode.FORBIDDEN, null, () -> dids.importCsv(reseller, "number,machine\n+1,pbx-c\n", false));
        assertEquals(List.of(new LineError(1, null, "the first line must be the header number,machine,description")),
            assertThrows(BadFileException.class, () -> dids.importCsv(operator, "+1,pbx-a\n", false)).errors());
    }

    @Test
    public void concurrentAddsOfOnePrefixThroughTwoNodesRouteItOnce() throws Exception {
        JpaStore other = f.otherNode();
        DidRouteServiceImpl otherDids = new DidRouteServiceImpl(other, new AuditLog(other));
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ErrorCode>> outcomes = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            DidRouteServiceImpl node = i % 2 == 0 ? dids : otherDids;
            long machine = i % 2 == 0 ? a : b;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    node.create(operator, new DidRouteDraft("+34915550", String.valueOf(machine), null));
                    return null;
                } catch (MtmException e) {
                    assertEquals(e.getMessage(), "number", e.field());
                    assertEquals("number: +34915550 is already routed", e.getMessage());
                    return e.code();
                }
            }));
        }
        start.countDown();
        int routed = 0;
        for (Future<ErrorCode> o : outcomes) {
            ErrorCode code = o.get();
            if (code == null) {
                routed++;
            } else {
                assertEquals(ErrorCode.CONFLICT, code);
            }
        }
        pool.shutdown();
        assertEquals(1, routed);
        assertEquals(1L, f.count("DidRouteEntity"));
    }
}
