package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.awaitRunning;
import static org.mtmanager.itests.ProcessTestSupport.create;
import static org.mtmanager.itests.ProcessTestSupport.draft;
import static org.mtmanager.itests.ProcessTestSupport.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@link PortalIT} browses: the distribution booted with its own host on a bridge and namespaces of its own
 * ({@value #BRIDGE}, {@value #PREFIX}), so that its real container machines never meet another test's, and the
 * accounts, users and machines the tests need, set up through the REST API as the platform administrator.
 */
final class PortalWorld implements AutoCloseable {
    static final String BRIDGE = "mtmpt0";
    static final String PREFIX = "mtmpt-";
    static final String RAMON = "ramon";
    static final String RAMON_PW = "Ramon-pass-123";
    static final String JOSE = "jose";
    static final String JOSE_PW = "Jose-pass-12345";
    static final String FAR = "faraway";
    static final String FAR_PW = "Far-pass-12345";
    static final String OPERATOR = "norte";
    static final String OPERATOR_PW = "Norte-pass-12345";
    static final String DISTRIBUTOR = "sur";
    static final String DISTRIBUTOR_PW = "Sur-pass-12345";

    final Distribution d;
    final Http admin;
    /** The portal over plain HTTP on loopback. */
    final String base;
    final long ramonsMachine;

    private PortalWorld(Distribution d) throws Exception {
        this.d = d;
        Path host = d.home().resolve("etc/org.mtmanager.host-local.cfg");
        Distribution.set(host, "bridge", BRIDGE);
        Distribution.set(host, "network", "10.127.0.0/24");
        Distribution.set(host, "namespacePrefix", PREFIX);
        Distribution.set(d.home().resolve("etc/org.mtmanager.firewall.cfg"), "namespace", PREFIX + "no-firewall");
        d.start();
        d.awaitRest(Duration.ofMinutes(3));
        admin = d.admin();
        base = "http://127.0.0.1:" + d.httpPort() + "/mtm/portal/";
        long ramon = account("reseller", "MaquinasRamon", RAMON, RAMON_PW);
        account("reseller", "MaquinasJoseAntonio", JOSE, JOSE_PW);
        long far = account("reseller", "Lejos SL", FAR, FAR_PW);
        account("operator", "Operador Norte", OPERATOR, OPERATOR_PW);
        // Only from a benchmarking address, never from this host's 127.0.0.1.
        ok(admin.put(API + "/accounts/" + far + "/whitelist", List.of(Map.of("cidr", "198.18.0.1/32"))));
        ramonsMachine = machine(ramon, "pbx-ramon-1", 8, 1, "Talleres Ramon SL");
        long second = machine(ramon, "pbx-ramon-2", 12, 2, "Clinica Dental Sur SL");
        // A distributor's machine is prepared for it by the platform, to the extensions and lines it asked for.
        long distributor = account("distributor", "Distribuciones Sur", DISTRIBUTOR, DISTRIBUTOR_PW);
        long hotel = machine(distributor, "pbx-hotel", 20, 1, "Hotel Playa SL");
        // Chrome drops what it is loading when the host's interfaces change: start browsing once the machines are up.
        for (long id : new long[] {ramonsMachine, second, hotel}) {
            awaitRunning(admin, id, Duration.ofMinutes(2));
        }
    }

    /** Whether this host can run it: Debian's browser and driver, root, and the machines' payload. */
    static boolean possible() {
        return Browser.available() && "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/sbin/dropbear")) && Files.isExecutable(Path.of("/bin/busybox"));
    }

    static PortalWorld boot() throws Exception {
        Containers.sweep(PREFIX, BRIDGE);
        Distribution d = Distribution.unpack("portal");
        try {
            return new PortalWorld(d);
        } catch (Exception | AssertionError e) {
            d.close();
            Containers.sweep(PREFIX, BRIDGE);
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            d.close();
        } finally {
            Containers.sweep(PREFIX, BRIDGE);
        }
    }

    long machine(long account, String hostname, int extensions, int tenants, String company) {
        long draft = draft(admin, hostname, "S", company, Map.of("accountId", account, "extensions", extensions, "tenants", tenants,
            "lines", 8));
        return create(admin, draft).get("machineId").asLong();
    }

    long account(String type, String name, String user, String password) {
        long id = ok(admin.post(API + "/accounts", Map.of("type", type, "name", name))).get("id").asLong();
        ok(admin.post(API + "/users", Map.of("accountId", id, "username", user, "password", password, "role", type + "-admin")));
        return id;
    }

    static JsonNode only(JsonNode page) {
        assertEquals(page.toString(), 1, page.get("items").size());
        return page.get("items").get(0);
    }
}
