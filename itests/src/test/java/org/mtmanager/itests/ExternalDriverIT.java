package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A hypervisor driver built outside the platform's build, against the released SPI alone ({@code
 * org.mtmanager:mtm-hypervisor-spi:1.0.0} from {@code baseline/}; the project is {@code src/it/external-driver}, built
 * by the invoker before the integration tests), hot-deploys into today's distribution through deploy/: it resolves
 * against the current SPI bundle, its driver service registers, and the platform uses it for a host of its type.
 * It goes away again when the jar is removed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ExternalDriverIT extends MtmTestSupport {
    static final String BUNDLE = "mtm-external-driver";
    static final String TYPE = "external";
    static final String SPI = "org.mtmanager.spi.hypervisor";
    /** What the external driver names as every host's problem (its ExternalDriver.PROBLEM). */
    static final String PROBLEM = "the external test driver runs no machines";

    @Inject
    protected BundleContext context;

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Test
    public void aDriverBuiltAgainstTheReleasedSpiHotDeploysResolvesAndIsUsed() throws Exception {
        Path built = Paths.get(System.getProperty("mtm.itest.externalDriver"));
        assertTrue("the invoker built the external driver at " + built, Files.isRegularFile(built));
        Http admin = admin();
        // A host of the driver's type, as an operator would configure it before (or after) deploying the driver.
        Configuration host = configAdmin.getFactoryConfiguration("org.mtmanager.host", "ext1", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", "ext1");
        props.put("driver", TYPE);
        host.update(props);
        Path deployed = Paths.get(System.getProperty("karaf.base"), "deploy", BUNDLE + ".jar");
        try {
            await(() -> admin.get(API + "/hosts/ext1").status() == 200);
            assertTrue(ok(admin.get(API + "/hosts/ext1")).get("problems").toString().contains("is not deployed"));
            assertEquals("not before it is deployed", 0, drivers().size());

            Files.copy(built, deployed, StandardCopyOption.REPLACE_EXISTING);
            await(() -> drivers().size() == 1);
            Bundle bundle = bundle();
            assertNotNull(bundle);
            assertEquals("active", Bundle.ACTIVE, bundle.getState());
            String imports = bundle.getHeaders().get("Import-Package");
            assertTrue("built against SPI 1.0, it takes any 1.x: " + imports, imports.contains(SPI + ";version=\"[1.0,2)\""));
            BundleWire wire = bundle.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(w -> SPI.equals(w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                .findFirst().orElseThrow(() -> new AssertionError("the driver is not wired to the SPI"));
            assertEquals("wired to the platform's own SPI bundle", "mtm-hypervisor-spi", wire.getProvider().getBundle().getSymbolicName());
            Version exported = (Version) wire.getCapability().getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
            assertEquals("today's SPI is a 1.x", 1, exported.getMajor());

            // The platform's SPI types and the driver's are the same classes: the service is a HypervisorDriver here.
            ServiceReference<HypervisorDriver> ref = drivers().iterator().next();
            assertEquals(bundle, ref.getBundle());
            HypervisorDriver driver = context.getService(ref);
            try {
                assertEquals(TYPE, driver.type());
                HostSettings settings = new HostSettings("ext1", TYPE, Map.of());
                assertEquals(List.of(PROBLEM), driver.problems(settings));
                DriverException refused = null;
                try {
                    driver.start(settings, "MT0000000001");
                } catch (DriverException e) {
                    refused = e;
                }
                assertNotNull("it refuses to run machines", refused);
                assertEquals(PROBLEM, refused.getMessage());
            } finally {
                context.ungetService(ref);
            }

            // And the platform picked it up for its host, without a restart: it asked the driver about the host.
            await(() -> hostSays(admin, PROBLEM));
            JsonNode ext1 = ok(admin.get(API + "/hosts/ext1"));
            assertTrue(ext1.toString(), ext1.get("driverPresent").asBoolean());
            assertEquals(ext1.toString(), TYPE, ext1.get("driverType").asText());
        } finally {
            Files.deleteIfExists(deployed);
            host.delete();
        }
        await(() -> drivers().isEmpty());
        await(() -> bundle() == null);
        await(() -> admin.get(API + "/hosts/ext1").status() == 404);
    }

    private boolean hostSays(Http admin, String problem) {
        Http.Response r = admin.get(API + "/hosts/ext1");
        return r.status() == 200 && r.json().get("problems").toString().contains(problem);
    }

    private Collection<ServiceReference<HypervisorDriver>> drivers() {
        try {
            return context.getServiceReferences(HypervisorDriver.class, "(" + HypervisorDriver.TYPE_PROPERTY + "=" + TYPE + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Bundle bundle() {
        return Arrays.stream(context.getBundles()).filter(b -> BUNDLE.equals(b.getSymbolicName())).findFirst().orElse(null);
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
