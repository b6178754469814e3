package org.mtmanager.itests;

import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * The web portal in a real browser (headless Chromium) against the booted distribution and its real container
 * machines ({@link PortalWorld}), booted once for both parts: the slides' journeys and the pages' details.
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({PortalJourneys.class, PortalSessions.class, PortalDetails.class, PortalBilling.class})
public class PortalIT {
    private static PortalWorld w;

    @BeforeClass
    public static void boot() throws Exception {
        Assume.assumeTrue("needs root, Debian's chromium and chromium-driver, and the container payload", PortalWorld.possible());
        w = PortalWorld.boot();
    }

    @AfterClass
    public static void shutDown() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    /** The world the suite booted. */
    static PortalWorld world() {
        if (w == null) {
            throw new IllegalStateException("run through PortalIT, which boots the distribution");
        }
        return w;
    }
}
