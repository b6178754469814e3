package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.PortalWorld.JOSE;
import static org.mtmanager.itests.PortalWorld.JOSE_PW;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.await;

import java.time.Duration;
import java.util.Iterator;

import org.junit.Test;

/**
 * Billing in the portal is there while its feature is: removed and installed again on the running distribution
 * that {@link PortalIT} boots, Reports leaves the menu and comes back. It runs last in the suite, since it takes
 * billing away for a while.
 */
public class PortalBilling {
    private final PortalWorld w = PortalIT.world();

    @Test
    public void theReportsComeAndGoWithTheBillingFeature() throws Exception {
        try (Browser b = new Browser("en")) {
            b.login(w.base, JOSE, JOSE_PW);
            b.find("#nav-reports");
            w.d.client("admin", w.d.adminPassword(), "feature:uninstall -r mtm-billing");
            try {
                awaitStatements(false);
                // A page loaded afresh (a hash change alone keeps the page, which asks the API again after 10 s).
                b.open("about:blank");
                b.open(w.base + "#/reports");
                b.find("#nav-home");
                assertTrue("no Reports in the menu without billing", b.all("#nav-reports").isEmpty());
                assertEquals("a link to the reports lands on the home page", "#/home", b.js("location.hash"));
            } finally {
                w.d.client("admin", w.d.adminPassword(), "feature:install -r mtm-billing");
            }
            awaitStatements(true);
            b.open("about:blank");
            b.open(w.base + "#/reports");
            b.find("#statement-form");
            b.find("#nav-reports");
        }
    }

    /** Until the API publishes the statements, or no longer does (its server is rebuilt as billing comes or goes). */
    private void awaitStatements(boolean published) throws Exception {
        await(Duration.ofSeconds(60), () -> "the statements " + (published ? "published" : "withdrawn"), () -> {
            boolean found = false;
            for (Iterator<String> paths = w.admin.get(API + "/openapi.json").json().get("paths").fieldNames(); paths.hasNext();) {
                found |= paths.next().startsWith("/statements");
            }
            return found == published;
        });
    }
}
