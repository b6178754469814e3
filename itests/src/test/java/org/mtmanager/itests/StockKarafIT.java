package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.ProcessTestSupport.API;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * MT Manager installs into a stock Karaf 4.4.10 with {@code feature:repo-add} and {@code feature:install mtm},
 * resolving everything from the build's local Maven repository.
 */
public class StockKarafIT {

    @Test
    public void installsIntoAStockKaraf() throws Exception {
        Path stock = Paths.get(System.getProperty("mtm.stockKaraf", "target/stock/apache-karaf.tar.gz"));
        String version = System.getProperty("mtm.version", "0.1.0-SNAPSHOT");
        try (Distribution karaf = Distribution.unpack("stock", stock)) {
            Path etc = karaf.home().resolve("etc");
            // The stock distribution ships its karaf user commented out.
            String users = Files.readString(etc.resolve("users.properties"))
                .replace("#karaf = karaf,_g_:admingroup", "karaf = karaf,_g_:admingroup")
                .replace("#_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh",
                    "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh");
            Files.writeString(etc.resolve("users.properties"), users);
            String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
            Distribution.set(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.localRepository", repo);
            Distribution.set(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.repositories", "");
            karaf.start();
            String out = karaf.client("karaf", "karaf",
                "feature:repo-add mvn:org.mtmanager/mtm-features/" + version + "/xml/features",
                "feature:install mtm",
                "feature:list -i | grep mtm").replaceAll("\u001B\\[[;\\d]*m", "");
            assertFalse(out, out.contains("Error"));
            assertTrue(out, out.contains("mtm-rest"));

            karaf.awaitRest(Duration.ofMinutes(3));
            Http admin = karaf.admin();
            Http.Response plans = admin.get(API + "/plans");
            assertEquals(plans.toString(), 200, plans.status());
            assertEquals(4, plans.json().size());
            // The SOAP endpoints are published just after REST: wait for them rather than race them.
            Http anonymous = new Http(karaf.httpPort(), null, null, "127.0.0.1");
            Http.Response wsdl = anonymous.get("/mtm/soap/AccountService?wsdl");
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                 wsdl.status() == 404 && System.nanoTime() < deadline; wsdl = anonymous.get("/mtm/soap/AccountService?wsdl")) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertEquals(wsdl.toString(), 200, wsdl.status());
            assertTrue(wsdl.body().contains("urn:mtmanager:soap:v1"));
            // From now on the console logs in with the platform's users.
            String mtm = karaf.client("admin", karaf.adminPassword(), "mtm:plan-list");
            assertTrue(mtm, mtm.contains("SS"));
        }
    }
}
