package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The domains are bundles of their own, each in a feature of its own over the one beneath it (tenant model, then
 * machines, then network access), and the booted framework wires them in that order only: no domain imports a
 * package of a domain above it; machines import nothing of the tenant model but its account deletion steps, and
 * network access nothing of either but their deletion steps. What they share they take from the platform bundle and
 * the API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DomainBundlesIT extends MtmTestSupport {
    private static final List<String> DOMAINS = List.of("mtm-tenant", "mtm-machine", "mtm-access");

    @Inject
    protected BundleContext context;

    @Inject
    protected FeaturesService features;

    @Test
    public void eachDomainIsAnActiveBundleInAFeatureOfItsOwnOverTheOneBeneathIt() throws Exception {
        for (String domain : DOMAINS) {
            Bundle b = bundle(domain);
            assertEquals(domain + " is active", Bundle.ACTIVE, b.getState());
            Feature f = features.getFeature(domain);
            assertNotNull("feature " + domain, f);
            assertTrue("feature " + domain + " is installed", features.isInstalled(f));
            assertTrue("feature " + domain + " holds its bundle",
                f.getBundles().stream().anyMatch(i -> i.getLocation().contains("/" + domain + "/")));
        }
        assertEquals(Set.of("mtm-tenant"), domainsRequiredBy("mtm-machine"));
        assertEquals(Set.of("mtm-machine"), domainsRequiredBy("mtm-access"));
        assertEquals(Set.of(), domainsRequiredBy("mtm-tenant"));
    }

    @Test
    public void theDomainsAreWiredFromTheTenantModelUpwardsOnly() {
        assertEquals("the tenant model imports no domain's package", Set.of(), domainImports("mtm-tenant"));
        assertEquals("machines import only the tenant model's account deletion steps",
            Set.of("org.mtmanager.tenant.deletion from mtm-tenant"), domainImports("mtm-machine"));
        assertEquals("network access imports only the deletion steps of machines and accounts",
            Set.of("org.mtmanager.machine.deletion from mtm-machine", "org.mtmanager.tenant.deletion from mtm-tenant"),
            domainImports("mtm-access"));
        assertEquals("platform", "mtm-platform", providerOf("mtm-access", "org.mtmanager.platform.scope"));
        assertEquals("platform", "mtm-platform", providerOf("mtm-machine", "org.mtmanager.platform.scope"));
        assertEquals("platform", "mtm-platform", providerOf("mtm-tenant", "org.mtmanager.platform.scope"));
    }

    /**
     * Each domain's REST resources, SOAP port and console commands are a facade bundle in the domain's feature, over
     * the API alone (no domain bundle's package), and the shared servers and console need only the tenant model: so
     * machines and network access may be left out, or removed at run time, as billing may (AccessFeatureIT).
     */
    @Test
    public void eachDomainsFacadesComeWithItsFeatureOverTheApiAlone() throws Exception {
        List<String> implementations = List.of("mtm-tenant", "mtm-machine", "mtm-access", "mtm-billing");
        for (String domain : List.of("mtm-machine", "mtm-access", "mtm-billing")) {
            String facade = domain + "-facade";
            assertEquals(facade + " is active", Bundle.ACTIVE, bundle(facade).getState());
            assertTrue("feature " + domain + " holds " + facade, features.getFeature(domain).getBundles().stream()
                .anyMatch(i -> i.getLocation().contains("/" + facade + "/")));
            assertEquals(facade + " imports no domain's package", Set.of(), importsFrom(facade, implementations));
        }
        for (String shared : List.of("mtm-rest", "mtm-soap", "mtm-shell")) {
            assertEquals(shared + " needs only the tenant model", Set.of("mtm-tenant"), domainsRequiredBy(shared));
        }
    }

    /** The packages a domain bundle is wired to in other domain bundles, "package from bundle". */
    private Set<String> domainImports(String domain) {
        return importsFrom(domain, DOMAINS);
    }

    /** The packages a bundle is wired to in the given other bundles, "package from bundle". */
    private Set<String> importsFrom(String symbolicName, List<String> providers) {
        Set<String> out = new TreeSet<>();
        for (BundleWire w : bundle(symbolicName).adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            String provider = w.getProvider().getBundle().getSymbolicName();
            if (providers.contains(provider) && !provider.equals(symbolicName)) {
                out.add(w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE) + " from " + provider);
            }
        }
        return out;
    }

    private String providerOf(String domain, String pkg) {
        return bundle(domain).adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
            .filter(w -> pkg.equals(w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
            .map(w -> w.getProvider().getBundle().getSymbolicName()).findFirst().orElse(null);
    }

    /** The domain features a domain's feature names among its own dependencies. */
    private Set<String> domainsRequiredBy(String domain) throws Exception {
        Set<String> out = new TreeSet<>();
        features.getFeature(domain).getDependencies().forEach(d -> {
            if (DOMAINS.contains(d.getName())) {
                out.add(d.getName());
            }
        });
        return out;
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
            .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }
}
