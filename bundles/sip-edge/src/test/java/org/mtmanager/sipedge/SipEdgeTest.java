package org.mtmanager.sipedge;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.access.did.DidRelease;
import org.mtmanager.access.did.DidRouteEvents;
import org.mtmanager.access.did.DidRouteServiceImpl;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.did.DidRouteDraft;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.api.sipedge.SipEdgeStatus;
import org.mtmanager.machine.MachineWorld;
import org.mtmanager.spi.sipedge.EdgeException;
import org.mtmanager.spi.sipedge.EdgeSettings;
import org.mtmanager.spi.sipedge.EdgeState;
import org.mtmanager.spi.sipedge.EdgeTable;
import org.mtmanager.spi.sipedge.SipEdgeBackend;
import org.mtmanager.tenant.TenantFixture;

/**
 * The edge's orchestration over a recording backend (the real one is Kamailio's, tested in its bundle and by
 * SipEdgeIT): the edge is started and loaded whole at start; a route committed on this node reaches it as one
 * change; a restarted or drifted edge is loaded again; what another node committed and a changed carriers setting
 * are caught up at the next check; a failed change makes the next check load it whole; status and sync report and
 * repair, for platform administrators only.
 */
public class SipEdgeTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private final Recording backend = new Recording();
    private final DidRouteEvents events = DidRouteEvents.none();
    private MachineWorld world;
    private MachineService machines;
    private DidRouteServiceImpl dids;
    private SipEdge edge;
    private String ipA;
    private String ipB;
    private long machineA;

    @Before
    public void platform() throws Exception {
        world = MachineWorld.start(f, new DidRelease(f.audit, events), "did");
        machines = world.machines;
        dids = new DidRouteServiceImpl(f.store, f.audit, f.clock, events);
        machineA = running("pbx-a");
        ipA = machines.get(f.admin, machineA).internalIp();
        ipB = machines.get(f.admin, running("pbx-b")).internalIp();
        dids.create(f.admin, new DidRouteDraft("+3491", "pbx-a", null));
        f.settings.set(f.admin, "sip.carriers", "192.0.2.0/24, 198.51.100.7");
    }

    @After
    public void stop() throws Exception {
        if (edge != null) {
            edge.stop();
        }
        world.close();
    }

    private SipEdge edge(Map<String, Object> config) {
        Map<String, Object> c = new HashMap<>(Map.of("checkSeconds", "3600", "stateDir", f.tmp.getRoot().toPath().resolve("edge").toString()));
        c.putAll(config);
        SipEdge e = new SipEdge(f.store, f.audit, c, f.clock);
        e.addBackend(backend, Map.of(SipEdgeBackend.TYPE_PROPERTY, "kamailio"));
        events.addListener(e);
        e.settle();
        return e;
    }

    @Test
    public void atStartTheEdgeIsStartedAndLoadedWithTheTableAndTheCarriers() {
        edge = edge(Map.of());
        assertTrue(backend.running);
        assertEquals(1, backend.loads);
        assertEquals(Map.of("3491", ipA), backend.routes);
        assertEquals(List.of("192.0.2.0/24", "198.51.100.7/32"), backend.carriers);
        SipEdgeStatus st = edge.status(f.admin);
        assertTrue(st.running());
        assertEquals(List.of(), st.drift());
        assertEquals(List.of(), st.problems());
        assertEquals(1, st.routes());
        assertEquals(1, st.edgeRoutes());
        assertTrue(st.repaired());
    }

    @Test
    public void aRouteCommittedHereReachesTheEdgeAsOneChange() throws Exception {
        edge = edge(Map.of());
        long id = dids.create(f.admin, new DidRouteDraft("+349155", "pbx-b", null)).id();
        edge.settle();
        assertEquals(List.of("put 349155=" + ipB), backend.changes);

        dids.update(f.admin, id, new DidRouteDraft("+349156", "pbx-a", null));
        edge.settle();
        assertEquals(List.of("put 349155=" + ipB, "remove [349155]", "put 349156=" + ipA), backend.changes);

        dids.delete(f.admin, id);
        // The job's commit is seen before its after-commit step tells the listeners; this one hears it after the edge.
        CountDownLatch told = new CountDownLatch(1);
        events.addListener(numbers -> {
            if (numbers.contains("+3491")) {
                told.countDown();
            }
        });
        await(machines.stop(f.admin, machineA, true, null));
        await(machines.delete(f.admin, machineA, true, null));
        assertTrue("the machine's deletion told the listeners", told.await(20, TimeUnit.SECONDS));
        edge.settle();
        assertEquals("the deleted machine's route went with it", Map.of(), backend.routes);
        assertEquals("no full load for single changes", 1, backend.loads);
    }

    @Test
    public void aRestartedOrDriftedEdgeIsLoadedAgainAtTheNextCheck() {
        edge = edge(Map.of());
        backend.generation = ""; // restarted: its old table, no generation
        edge.checkNow();
        assertEquals(2, backend.loads);
        backend.routes.clear(); // drifted
        edge.checkNow();
        assertEquals(3, backend.loads);
        assertEquals(Map.of("3491", ipA), backend.routes);
        backend.running = false; // gone
        edge.checkNow();
        assertTrue(backend.running);
        assertEquals(4, backend.loads);
        edge.checkNow();
        assertEquals("an edge in step is left alone", 4, backend.loads);
    }

    @Test
    public void whatAnotherNodeCommittedAndTheCarriersSettingAreCaughtUpAtTheNextCheck() {
        edge = edge(Map.of());
        new DidRouteServiceImpl(f.otherNode(), f.audit).create(f.admin, new DidRouteDraft("+3493", "pbx-b", null));
        f.settings.set(f.admin, "sip.carriers", "203.0.113.0/24");
        edge.checkNow();
        assertEquals(List.of("put 3493=" + ipB, "carriers [203.0.113.0/24]"), backend.changes);
        assertEquals(1, backend.loads);
    }

    @Test
    public void aFailedChangeMakesTheNextCheckLoadTheWholeTable() {
        edge = edge(Map.of());
        backend.failing = true;
        dids.create(f.admin, new DidRouteDraft("+3494", "pbx-b", null));
        edge.settle();
        assertEquals(Map.of("3491", ipA), backend.routes);
        backend.failing = false;
        edge.checkNow();
        assertEquals(2, backend.loads);
        assertEquals(Map.of("3491", ipA, "3494", ipB), backend.routes);
    }

    @Test
    public void statusReportsDriftAndSyncRepairsItForPlatformAdministratorsOnly() throws Exception {
        edge = edge(Map.of());
        backend.routes.put("3499", "10.100.0.99");
        backend.generation = "someone else's";
        SipEdgeStatus st = edge.status(f.admin);
        assertTrue(st.drift().toString(), st.drift().contains("the SIP edge holds another table (generation someone else's)"));
        assertTrue(st.drift().toString(), st.drift().contains("the SIP edge holds 2 route(s), the database 1"));
        assertFalse(st.repaired());
        SipEdgeStatus synced = edge.sync(f.admin, true);
        assertTrue(synced.repaired());
        assertEquals(Map.of("3491", ipA), backend.routes);
        assertEquals(List.of(), edge.status(f.admin).drift());

        Caller reseller = f.tenantAdmin("reseller", "Resold", "res-admin", "reseller-admin");
        expect(ErrorCode.FORBIDDEN, null, () -> edge.status(reseller));
        expect(ErrorCode.FORBIDDEN, null, () -> edge.sync(reseller, true));
    }

    @Test
    public void aMissingBackendAnEdgeTurnedOffAndNoCarriersAreProblemsByName() throws Exception {
        edge = new SipEdge(f.store, f.audit, Map.of("checkSeconds", "3600", "backend", "opensips"), f.clock);
        assertTrue(edge.status(f.admin).problems().toString(), edge.status(f.admin).problems()
            .contains("SIP edge backend 'opensips' is not deployed (install the feature mtm-sip-edge-opensips)"));
        edge.stop();
        edge = edge(Map.of("enabled", "false"));
        assertFalse(backend.running);
        assertTrue(edge.status(f.admin).problems().get(0).startsWith("the SIP edge is off"));
        edge.stop();
        f.settings.set(f.admin, "sip.carriers", "");
        edge = edge(Map.of());
        assertTrue(edge.status(f.admin).problems().contains("no carrier is listed (the setting sip.carriers): the SIP edge refuses every call"));
    }

    @Test
    public void aBadConfigurationIsRefusedByNameAndTheEdgeStaysOff() {
        edge = edge(Map.of("sipPort", "70000"));
        assertFalse(backend.running);
        assertTrue(edge.status(f.admin).problems().toString(), edge.status(f.admin).problems().stream()
            .anyMatch(p -> p.contains("sipPort: must be a whole number from 1 to 65535 (not 70000)")));
    }

    private long running(String hostname) throws InterruptedException {
        long draft = machines.saveDraft(f.admin, new MachineRequest(null, hostname, null, new CustomerData("Co", "Ann",
            "ann@example.com", "+34 600 000 000", "Street 1", "B1"), "S", 5, 1, null)).id();
        Job job = machines.create(f.admin, draft, null);
        await(job);
        return job.machineId();
    }

    private void await(Job job) throws InterruptedException {
        world.awaitSucceeded(job.id());
    }

    /** A backend that holds its table in memory and records each change. */
    static final class Recording implements SipEdgeBackend {
        volatile boolean running;
        volatile boolean failing;
        String generation = "";
        final Map<String, String> routes = new HashMap<>();
        List<String> carriers = List.of();
        int loads;
        final List<String> changes = new ArrayList<>();

        @Override
        public String type() {
            return "kamailio";
        }

        @Override
        public List<String> problems(EdgeSettings settings) {
            return List.of();
        }

        @Override
        public void start(EdgeSettings settings) {
            running = true;
            generation = ""; // as Kamailio does: the last full table, from its file, and no generation
        }

        @Override
        public void stop(EdgeSettings settings) {
            running = false;
        }

        @Override
        public void load(EdgeSettings settings, EdgeTable table) throws EdgeException {
            fail();
            routes.clear();
            routes.putAll(table.routes());
            carriers = table.carriers();
            generation = table.generation();
            loads++;
        }

        @Override
        public void put(EdgeSettings settings, Map<String, String> put) throws EdgeException {
            fail();
            routes.putAll(put);
            put.forEach((k, v) -> changes.add("put " + k + "=" + v));
        }

        @Override
        public void remove(EdgeSettings settings, Collection<String> prefixes) throws EdgeException {
            fail();
            prefixes.forEach(routes::remove);
            changes.add("remove " + prefixes);
        }

        @Override
        public void carriers(EdgeSettings settings, List<String> sources) throws EdgeException {
            fail();
            carriers = sources;
            changes.add("carriers " + sources);
        }

        @Override
        public EdgeState state(EdgeSettings settings) {
            return running ? new EdgeState(true, generation, routes.size(), carriers, "") : EdgeState.down("does not answer");
        }

        private void fail() throws EdgeException {
            if (!running || failing) {
                throw new EdgeException("the SIP edge does not answer");
            }
        }
    }
}
