package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.ProcessTestSupport.API;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution as an operator runs it (bin/start, bin/stop): its data, its first administrator and its audit
 * chain survive a restart, and the first start's password file is private.
 */
public class RestartIT {

    @Test
    public void dataSurvivesARestartOfTheDistribution() throws Exception {
        try (Distribution d = Distribution.unpack("restart")) {
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            String password = d.adminPassword();
            assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(d.home().resolve("data/mtm/initial-admin-password"))));
            Http admin = d.admin();
            Http.Response created = admin.post(API + "/accounts", Map.of("type", "operator", "name", "Persistent Operator"));
            assertEquals(created.toString(), 201, created.status());
            long id = created.json().get("id").asLong();
            Http.Response plan = admin.patch(API + "/plans/1", Map.of("maxConcurrentCalls", 5));
            assertEquals(plan.toString(), 200, plan.status());

            d.stop();
            d.start();
            d.awaitRest(Duration.ofMinutes(3));

            assertEquals("the first start's password is not regenerated", password, d.adminPassword());
            JsonNode back = d.admin().get(API + "/accounts/" + id).json();
            assertEquals("Persistent Operator", back.get("name").asText());
            assertEquals(5, d.admin().get(API + "/plans/1").json().get("maxConcurrentCalls").asInt());
            JsonNode verify = d.admin().get(API + "/audit/verify").json();
            assertTrue(verify.toString(), verify.get("intact").asBoolean());
            assertEquals(1, d.admin().get(API + "/accounts?type=platform").json().get("total").asLong());
        }
    }
}
