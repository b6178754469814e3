package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console (issue 12): {@code bin/client} over SSH applies the account's portal whitelist to the address the
 * client connects from, on the distribution as shipped. The second address is on a veth interface the test makes:
 * a connection between two local addresses never leaves the host, and its source is the address it goes to.
 */
public class ConsoleWhitelistIT {
    private static final String OTHER = "198.18.250.2";
    private static final String VETH = "mtmit-con0";

    @Test
    public void aWhitelistedAccountLogsInFromAListedAddressOnlyAndBothAreAudited() throws Exception {
        try (Distribution d = Distribution.unpack("console")) {
            database(d);
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            Http admin = d.admin();
            String user = "wlconsole";
            String pw = "Console-pass-3";
            long account = ok(admin.post(API + "/accounts", Map.of("type", "reseller", "name", "Whitelisted"))).get("id").asLong();
            ok(admin.post(API + "/users", Map.of("accountId", account, "username", user, "password", pw,
                "role", "reseller-admin")));
            ok(admin.put(API + "/accounts/" + account + "/whitelist", List.of(Map.of("cidr", "127.0.0.1/32"))));

            String allowed = d.clientTo("127.0.0.1", 3, user, pw, "mtm:machine-list", "mtm:account-create --type customer ByConsole");
            assertFalse(allowed, allowed.contains("No more authentication methods"));
            assertTrue(allowed, allowed.contains("Hostname"));
            JsonNode logins = ok(admin.get(API + "/audit?action=auth.login&outcome=SUCCESS&actor=" + user));
            assertTrue(logins.toString(), logins.get("total").asLong() >= 1);
            assertEquals("127.0.0.1", logins.get("items").get(0).get("sourceIp").asText());
            // and each command the session runs is audited with the session's address
            JsonNode created = ok(admin.get(API + "/audit?action=account.create&outcome=SUCCESS&actor=" + user));
            assertEquals(created.toString(), 1, created.get("total").asLong());
            assertEquals("127.0.0.1", created.get("items").get(0).get("sourceIp").asText());

            if (Files.exists(Path.of("/sys/class/net", VETH))) {
                // an interrupted run's (.ci/run sweeps it too): "File exists" otherwise
                Distribution.run(d.home(), Duration.ofSeconds(10), "ip", "link", "del", VETH);
            }
            Distribution.run(d.home(), Duration.ofSeconds(10), "ip", "link", "add", VETH, "type", "veth", "peer", "name", VETH + "p");
            try {
                Distribution.run(d.home(), Duration.ofSeconds(10), "ip", "addr", "add", OTHER + "/32", "dev", VETH);
                Distribution.run(d.home(), Duration.ofSeconds(10), "ip", "link", "set", VETH, "up");
                String refused = d.clientTo(OTHER, 1, user, pw, "mtm:machine-list");
                assertFalse(refused, refused.contains("Hostname"));
            } finally {
                Distribution.run(d.home(), Duration.ofSeconds(10), "ip", "link", "del", VETH);
            }
            JsonNode refusals = ok(admin.get(API + "/audit?action=auth.ip-refused&actor=" + user));
            // the client offers the password once per SSH method (password, keyboard-interactive): each is refused
            assertTrue(refusals.toString(), refusals.get("total").asLong() >= 1);
            refusals.get("items").forEach(e -> assertEquals(e.toString(), OTHER, e.get("sourceIp").asText()));
            // The listed address still logs in.
            assertTrue(d.clientTo("127.0.0.1", 3, user, pw, "mtm:machine-list").contains("Hostname"));
        }
    }

    /** The platform's database: the embedded default here; {@link ConsoleWhitelistOnPostgresIT} points it elsewhere. */
    protected void database(Distribution d) throws Exception {
        // the distribution's own datasource configuration: Derby under data/
    }
}
