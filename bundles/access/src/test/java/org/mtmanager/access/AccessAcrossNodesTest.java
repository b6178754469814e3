package org.mtmanager.access;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.access.Grant;
import org.mtmanager.api.access.GrantRequest;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.cluster.DutyLeases;
import org.mtmanager.platform.cluster.LocalNode;
import org.mtmanager.spi.firewall.FirewallBackend;
import org.mtmanager.spi.firewall.Policy;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.entity.GrantEntity;
import org.mtmanager.tenant.TenantFixture;

/** Grants through two nodes on one database, and the firewall's duties held by one of them. */
public class AccessAcrossNodesTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private final AccessServiceTest.MemoryBackend backend = new AccessServiceTest.MemoryBackend();
    private Firewall firewall;
    private AccessServiceImpl access;
    private Caller reseller;
    private long machineA;

    @Before
    public void services() throws Exception {
        firewall = new Firewall(f.store, f.audit, f.auth, f.duties, Map.of("backend", "memory", "publicAddress", "198.18.0.1",
            "retrySeconds", "3600", "expirySeconds", "3600"));
        firewall.probes = s -> AccessServiceTest.edge(true, "198.18.0.1");
        firewall.addBackend(backend, Map.of(FirewallBackend.TYPE_PROPERTY, "memory"));
        firewall.syncNow();
        access = new AccessServiceImpl(f.store, f.audit, firewall);
        reseller = f.tenantAdmin("reseller", "Resells", "res-admin", "reseller-admin");
        machineA = AccessServiceTest.machine(f, reseller.accountId(), "pbx-a", "10.100.0.10");
    }

    @After
    public void stop() throws InterruptedException {
        firewall.stop();
    }

    private static GrantRequest ssh(String source) {
        return new GrantRequest(source, "ssh", null, null, null, null);
    }

    @Test
    public void concurrentGrantsThroughTwoNodesNeverShareAPort() throws Exception {
        JpaStore otherStore = f.otherNode();
        AuditLog otherAudit = new AuditLog(otherStore);
        Firewall otherFirewall = new Firewall(otherStore, otherAudit, f.auth,
            new DutyLeases(otherStore, LocalNode.named("n2"), f.clock), Map.of("backend", "memory", "publicAddress", "198.18.0.1",
                "retrySeconds", "3600", "expirySeconds", "3600"));
        otherFirewall.probes = s -> AccessServiceTest.edge(true, "198.18.0.1");
        otherFirewall.addBackend(backend, Map.of(FirewallBackend.TYPE_PROPERTY, "memory"));
        otherFirewall.syncNow();
        AccessServiceImpl otherAccess = new AccessServiceImpl(otherStore, otherAudit, otherFirewall);
        try {
            List<Long> machines = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                machines.add(AccessServiceTest.machine(f, reseller.accountId(), "pbx-n" + i, "10.100.2." + (10 + i)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> ports = new ArrayList<>();
            for (int i = 0; i < machines.size(); i++) {
                AccessServiceImpl node = i % 2 == 0 ? access : otherAccess;
                long m = machines.get(i);
                ports.add(pool.submit(() -> node.grant(reseller, m, ssh("198.18.1.2")).externalPort()));
            }
            Set<Integer> seen = new HashSet<>();
            for (Future<Integer> p : ports) {
                assertTrue("port given twice", seen.add(p.get()));
            }
            pool.shutdown();
            assertEquals(24, seen.size());
            assertEquals(24, f.count("PortEntity"));
            assertEquals(24, backend.forwards.stream().map(Policy.Forward::externalPort).distinct().count());
            // A grant run again after the database refused it leaves its first entry to the sync that follows.
            firewall.syncNow();
            assertEquals("each port forwarded once", 24, backend.forwards.size());
        } finally {
            otherFirewall.stop();
        }
    }

    @Test
    public void expiryAndTheRetryingSyncRunOnlyOnTheNodeHoldingTheirDuties() throws Exception {
        Map<String, Object> config = Map.of("backend", "memory", "publicAddress", "198.18.0.1", "retrySeconds", "60",
            "expirySeconds", "60");
        // Heartbeats an hour apart: the timers never tick during the test, which ticks by hand.
        Firewall first = new Firewall(f.store, f.audit, f.auth,
            new DutyLeases(f.store, new LocalNode("n1", Duration.ofHours(2), Duration.ofHours(1)), f.clock), config);
        JpaStore otherStore = f.otherNode();
        Firewall second = new Firewall(otherStore, new AuditLog(otherStore), f.auth,
            new DutyLeases(otherStore, new LocalNode("n2", Duration.ofHours(2), Duration.ofHours(1)), f.clock), config);
        try {
            assertTrue(Arrays.equals(new boolean[] {true, true}, first.tick()));
            Grant g = access.grant(reseller, machineA, new GrantRequest("198.18.1.2", "ssh", null, null, null, Instant.now().plusSeconds(60)));
            f.store.writing(em -> em.find(GrantEntity.class, g.id()).setExpiresAt(Instant.now().minusSeconds(1)));
            f.clock.advance(Duration.ofSeconds(5));
            assertTrue(Arrays.equals(new boolean[] {false, false}, second.tick()));
            assertEquals("the other node expires nothing", 1L, f.count("GrantEntity"));

            first.stop();
            f.clock.advance(Duration.ofSeconds(60));
            assertTrue(Arrays.equals(new boolean[] {true, true}, second.tick()));
            assertEquals("the node that took the duty over expired the grant", 0L, f.count("GrantEntity"));
        } finally {
            first.stop();
            second.stop();
        }
    }
}
