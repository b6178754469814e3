package org.mtmanager.access;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.access.Grant;
import org.mtmanager.api.access.GrantRequest;
import org.mtmanager.api.access.GrantState;
import org.mtmanager.spi.firewall.Edge;
import org.mtmanager.spi.firewall.FirewallBackend;
import org.mtmanager.spi.firewall.FirewallException;
import org.mtmanager.spi.firewall.FirewallSettings;
import org.mtmanager.spi.firewall.Policy;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.tenant.TenantFixture;

/** Grants, the port allocator, the SIP lock and the firewall's retries, against an in-memory backend. */
public class AccessServiceTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    /** A backend that holds its policy in memory, and fails while told to. */
    static final class MemoryBackend implements FirewallBackend {
        final Set<Policy.Forward> forwards = Collections.synchronizedSet(new HashSet<>());
        final Set<Policy.Allow> allows = Collections.synchronizedSet(new HashSet<>());
        final List<Policy.Allow> cuts = Collections.synchronizedList(new ArrayList<>());
        volatile boolean failing;

        @Override
        public String type() {
            return "memory";
        }

        @Override
        public List<String> problems(FirewallSettings s) {
            return List.of();
        }

        private void check() throws FirewallException {
            if (failing) {
                throw new FirewallException("the backend is down", true);
            }
        }

        @Override
        public void apply(FirewallSettings s, Policy p) throws FirewallException {
            check();
            forwards.clear();
            allows.clear();
            forwards.addAll(p.forwards());
            allows.addAll(p.allows());
        }

        @Override
        public void add(FirewallSettings s, Policy p) throws FirewallException {
            check();
            forwards.addAll(p.forwards());
            allows.addAll(p.allows());
        }

        @Override
        public void remove(FirewallSettings s, Policy p) throws FirewallException {
            check();
            forwards.removeAll(p.forwards());
            allows.removeAll(p.allows());
        }

        @Override
        public Policy installed(FirewallSettings s) throws FirewallException {
            check();
            return Policy.of(forwards, allows);
        }

        @Override
        public void cut(FirewallSettings s, Policy.Allow a) throws FirewallException {
            check();
            cuts.add(a);
        }
    }

    private final MemoryBackend backend = new MemoryBackend();
    private Firewall firewall;
    private AccessServiceImpl access;
    private Caller reseller;
    private long machineA;
    private long machineB;

    @Before
    public void services() throws Exception {
        firewall = new Firewall(f.store, f.audit, f.auth, f.duties, Map.of("backend", "memory", "publicAddress", "198.18.0.1",
            "retrySeconds", "3600", "expirySeconds", "3600"));
        firewall.probes = s -> edge(true, "198.18.0.1");
        firewall.addBackend(backend, Map.of(FirewallBackend.TYPE_PROPERTY, "memory"));
        firewall.syncNow();
        access = new AccessServiceImpl(f.store, f.audit, firewall);
        reseller = f.tenantAdmin("reseller", "Resells", "res-admin", "reseller-admin");
        machineA = machine(reseller.accountId(), "pbx-a", "10.100.0.10");
        machineB = machine(reseller.accountId(), "pbx-b", "10.100.0.11");
    }

    @After
    public void stop() throws InterruptedException {
        firewall.stop();
    }

    private long machine(long accountId, String hostname, String ip) {
        return machine(f, accountId, hostname, ip);
    }

    static long machine(TenantFixture f, long accountId, String hostname, String ip) {
        return f.store.write(em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            MachineEntity m = new MachineEntity();
            m.setSerial("MT" + Math.abs(hostname.hashCode()));
            m.setHostname(hostname);
            m.setAccountId(a.getId());
            m.setAccountPath(a.getPath());
            m.setPlanId(1);
            m.setHost("h1");
            m.setDriverType("memory");
            m.setInternalIp(ip);
            m.setPbxVersion("16.2");
            m.setState("RUNNING");
            m.setCreatedAt(Instant.now());
            m.setUpdatedAt(Instant.now());
            em.persist(m);
            em.flush();
            return m.getId();
        });
    }

    private static GrantRequest ssh(String source) {
        return new GrantRequest(source, "ssh", null, null, null, null);
    }

    @Test
    public void aNonWebGrantGetsAForwardThatTheSameServiceKeeps() {
        Grant first = access.grant(reseller, machineA, ssh("198.18.1.2"));
        assertEquals(Integer.valueOf(10000), first.externalPort());
        assertEquals(GrantState.ACTIVE, first.state());
        assertEquals("198.18.1.2/32", first.source());
        Grant second = access.grant(reseller, machineA, ssh("198.18.2.0/24"));
        assertEquals("the same machine and service keep their port", first.externalPort(), second.externalPort());
        assertEquals("another machine gets another port", Integer.valueOf(10001), access.grant(reseller, machineB, ssh("198.18.1.2")).externalPort());
        assertNull("web takes no forward", access.grant(reseller, machineA, new GrantRequest("198.18.1.2", "web", null, null, null, null)).externalPort());
        assertTrue(backend.forwards.contains(new Policy.Forward("tcp", 10000, "10.100.0.10", 22)));
        assertTrue(backend.allows.contains(new Policy.Allow("198.18.2.0/24", "10.100.0.10", "tcp", 22)));
        assertEquals(2, access.access(reseller, machineA).forwards().size() + access.access(reseller, machineB).forwards().size());
        access.revoke(reseller, machineA, first.id());
        access.revoke(reseller, machineA, second.id());
        assertEquals("a revoked service keeps its port for the next grant", Integer.valueOf(10000),
            access.grant(reseller, machineA, ssh("198.18.3.3")).externalPort());
    }

    @Test
    public void revokingRemovesTheEntryAndCutsItsConnections() {
        Grant g = access.grant(reseller, machineA, ssh("198.18.1.2"));
        access.revoke(reseller, machineA, g.id());
        Policy.Allow allow = new Policy.Allow("198.18.1.2/32", "10.100.0.10", "tcp", 22);
        assertFalse(backend.allows.contains(allow));
        assertEquals(List.of(allow), backend.cuts);
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> access.revoke(reseller, machineA, g.id()));
    }

    @Test
    public void sipIsLockedAndEveryAttemptIsAudited() {
        TenantFixture.expect(ErrorCode.FORBIDDEN, "service", () -> access.grant(reseller, machineA,
            new GrantRequest("198.18.1.2", "sip", null, null, null, null)));
        TenantFixture.expect(ErrorCode.FORBIDDEN, "service", () -> access.grant(reseller, machineA,
            new GrantRequest("198.18.1.2", "custom", "trunk", 5060, "udp", null)));
        TenantFixture.expect(ErrorCode.FORBIDDEN, "service", () -> access.grant(f.admin, machineA,
            new GrantRequest("198.18.1.2", "custom", "tls", 5061, "tcp", null)));
        long refused = f.store.read(em -> em.createQuery("SELECT COUNT(a.seq) FROM AuditEntity a WHERE a.action = 'access.grant' "
            + "AND a.outcome = 'DENIED'", Long.class).getSingleResult());
        assertEquals(3, refused);
        assertTrue(backend.allows.isEmpty());
    }

    @Test
    public void badInputNamesTheFieldAndChangesNothing() {
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "source", () -> access.grant(reseller, machineA, ssh("not-an-ip")));
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "service", () -> access.grant(reseller, machineA,
            new GrantRequest("198.18.1.2", "ftp", null, null, null, null)));
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "port", () -> access.grant(reseller, machineA,
            new GrantRequest("198.18.1.2", "custom", "admin", 70000, "tcp", null)));
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "protocol", () -> access.grant(reseller, machineA,
            new GrantRequest("198.18.1.2", "custom", "admin", 8443, "sctp", null)));
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "expiresAt", () -> access.grant(reseller, machineA,
            new GrantRequest("198.18.1.2", "ssh", null, null, null, Instant.now().minusSeconds(1))));
        access.grant(reseller, machineA, ssh("198.18.1.2"));
        TenantFixture.expect(ErrorCode.CONFLICT, "source", () -> access.grant(reseller, machineA, ssh("198.18.1.2/32")));
        assertEquals(1, access.access(reseller, machineA).grants().size());
        assertEquals(1, access.access(reseller, machineA).forwards().size());
    }

    @Test
    public void aForeignMachineIsNotFound() {
        Caller other = f.tenantAdmin("reseller", "Other", "other-admin", "reseller-admin");
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> access.grant(other, machineA, ssh("198.18.1.2")));
        TenantFixture.expect(ErrorCode.NOT_FOUND, null, () -> access.access(other, machineA));
    }

    @Test
    public void distributorsGetWebOnly() {
        Caller distributor = f.tenantAdmin("distributor", "Dist", "dist-admin", "distributor-admin");
        long m = machine(distributor.accountId(), "pbx-d", "10.100.0.20");
        assertNull(access.grant(distributor, m, new GrantRequest("198.18.1.2", "web", null, null, null, null)).externalPort());
        TenantFixture.expect(ErrorCode.FORBIDDEN, "service", () -> access.grant(distributor, m, ssh("198.18.1.2")));
        // The platform opens SSH on this one machine, on a non-well-known external port, and on no other.
        Grant platformGrant = access.grant(f.admin, m, ssh("198.18.1.2"));
        assertTrue(platformGrant.externalPort() >= 1024);
        assertEquals(1, access.access(distributor, m).grants().stream().filter(g -> g.service().equals("ssh")).count());
        long other = machine(distributor.accountId(), "pbx-d2", "10.100.0.21");
        TenantFixture.expect(ErrorCode.FORBIDDEN, "service", () -> access.grant(distributor, other, ssh("198.18.1.2")));
        f.settings.set(f.admin, "access.distributor-services", "web,https,ssh");
        assertTrue(access.grant(distributor, other, ssh("198.18.1.2")).externalPort() >= 1024);
    }

    @Test
    public void whileTheBackendFailsGrantsArePendingAndASyncInstallsThem() throws Exception {
        backend.failing = true;
        Grant g = access.grant(reseller, machineA, ssh("198.18.1.2"));
        assertEquals(GrantState.PENDING, g.state());
        assertEquals(GrantState.PENDING, access.access(reseller, machineA).grants().get(0).state());
        assertEquals(1, firewall.status(false).pendingGrants());
        backend.failing = false;
        firewall.syncNow();
        assertEquals(GrantState.ACTIVE, access.access(reseller, machineA).grants().get(0).state());
        assertTrue(backend.allows.contains(new Policy.Allow("198.18.1.2/32", "10.100.0.10", "tcp", 22)));
    }

    @Test
    public void expiredGrantsAreRevokedAndAudited() {
        Grant g = access.grant(reseller, machineA, new GrantRequest("198.18.1.2", "ssh", null, null, null, Instant.now().plusSeconds(60)));
        assertEquals(0, firewall.expire(Instant.now()));
        assertEquals(1, firewall.expire(Instant.now().plusSeconds(61)));
        assertTrue(access.access(reseller, machineA).grants().isEmpty());
        assertFalse(backend.allows.contains(new Policy.Allow("198.18.1.2/32", "10.100.0.10", "tcp", 22)));
        assertEquals(1, (long) f.store.read(em -> em.createQuery("SELECT COUNT(a.seq) FROM AuditEntity a WHERE a.action = 'access.expire'",
            Long.class).getSingleResult()));
        assertEquals(g.machineId(), machineA);
    }

    @Test
    public void theSyncFindsAndRepairsDriftBothWays() {
        access.grant(reseller, machineA, ssh("198.18.1.2"));
        backend.allows.clear();
        backend.allows.add(new Policy.Allow("203.0.113.9/32", "10.100.0.99", "tcp", 22));
        var found = firewall.status(false);
        assertEquals(found.drift().toString(), 2, found.drift().size());
        var fixed = firewall.status(true);
        assertTrue(fixed.repaired());
        assertEquals(0, firewall.status(false).drift().size());
    }

    @Test
    public void anIpv6GrantIsInstalledLikeAnyOtherAndIsNotDrift() {
        var g = access.grant(reseller, machineA, ssh("2001:DB8:1::2"));
        assertEquals("2001:db8:1::2/128", g.source());
        assertEquals(GrantState.ACTIVE, g.state());
        assertTrue(backend.allows.contains(new Policy.Allow("2001:db8:1::2/128", "10.100.0.10", "tcp", 22)));
        assertEquals(0, firewall.status(false).drift().size());
        backend.allows.clear();
        assertEquals("a missing IPv6 entry is drift", 1, firewall.status(false).drift().size());
    }

    @Test
    public void concurrentGrantsNeverShareAPort() throws Exception {
        List<Long> machines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            machines.add(machine(reseller.accountId(), "pbx-c" + i, "10.100.1." + (10 + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> ports = new ArrayList<>();
        for (long m : machines) {
            ports.add(pool.submit(() -> access.grant(reseller, m, ssh("198.18.1.2")).externalPort()));
        }
        Set<Integer> seen = new HashSet<>();
        for (Future<Integer> p : ports) {
            assertTrue("port given twice", seen.add(p.get()));
        }
        pool.shutdown();
        assertEquals(40, seen.size());
        assertEquals(40, backend.forwards.size());
    }

    /** An edge of fixed answers. */
    static Edge.Probe edge(boolean forwards, String... addresses) {
        return new Edge.Probe() {
            @Override
            public boolean forwards(boolean ipv6) {
                return forwards;
            }

            @Override
            public List<String> addresses() {
                return List.of(addresses);
            }
        };
    }

    @Test
    public void theStatusNamesWhatTheEdgeLacksWithoutHoldingBackTheRules() throws Exception {
        firewall.probes = s -> edge(false, "198.51.100.4");
        access.grant(reseller, machineA, ssh("198.18.1.2"));
        var status = firewall.status(true);
        assertEquals(status.problems().toString(), 2, status.problems().size());
        assertTrue(status.problems().get(0), status.problems().get(0).startsWith("IPv4 forwarding is off on this server")
            && status.problems().get(0).contains("bin/mtm-host-setup"));
        assertTrue(status.problems().get(1), status.problems().get(1).startsWith("publicAddress 198.18.0.1 is not an address on this server"));
        assertTrue("the rules are installed all the same", status.repaired());
        assertTrue(backend.allows.contains(new Policy.Allow("198.18.1.2/32", "10.100.0.10", "tcp", 22)));
        firewall.probes = s -> edge(true, "198.18.0.1");
        assertEquals(List.of(), firewall.status(false).problems());
    }

    @Test
    public void aFailedFullSyncIsAProblemUntilOneWorks() throws Exception {
        firewall.probes = s -> edge(true, "198.18.0.1");
        backend.failing = true;
        assertThrows(FirewallException.class, firewall::syncNow);
        backend.failing = false;
        assertEquals(List.of("the last full sync failed: the backend is down"), firewall.status(false).problems());
        assertTrue(firewall.status(true).repaired());
        assertEquals(List.of(), firewall.status(false).problems());
    }

    @Test
    public void withoutAPublicAddressForwardsAreShownOnTheEdgesOwnAddress() throws Exception {
        firewall.configure(Map.of("backend", "memory", "retrySeconds", "3600", "expirySeconds", "3600"));
        firewall.probes = s -> edge(true, "10.100.0.1", "198.51.100.4");
        access.grant(reseller, machineA, ssh("198.18.1.2"));
        assertEquals("198.51.100.4", access.access(reseller, machineA).forwards().get(0).publicAddress());
        assertEquals(List.of(), firewall.status(false).problems());
    }
}
