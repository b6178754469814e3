package org.mtmanager.platform.util;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.BundleTracker;

/**
 * The steps that installed bundles declare as capabilities of one namespace (a machine's or an account's deletion
 * steps): a bundle's steps are expected from the moment it is installed (before any of its services can exist)
 * until it is uninstalled (after they are gone), in every state between, so that no moment of a bundle's start,
 * stop or update lets a deletion through without them. An update reads the bundle's new revision. When a bundle's
 * steps go (it is uninstalled, or updated without them), the listener hears of it, so that what waited for them
 * goes on.
 */
public final class InstalledSteps extends BundleTracker<AtomicReference<List<String>>> implements AutoCloseable {
    private static final int INSTALLED = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private final String namespace;
    private final String nameAttribute;
    private volatile Runnable listener = () -> { };

    private InstalledSteps(BundleContext context, String namespace, String nameAttribute) {
        super(context, INSTALLED, null);
        this.namespace = namespace;
        this.nameAttribute = nameAttribute;
    }

    /**
     * Tracks the framework's bundles from now on; the caller closes it.
     *
     * @param namespace     the capability namespace in which a bundle declares its steps
     * @param nameAttribute the capability's attribute that names the step
     */
    public static InstalledSteps open(BundleContext context, String namespace, String nameAttribute) {
        InstalledSteps steps = new InstalledSteps(context, namespace, nameAttribute);
        steps.open();
        return steps;
    }

    /** Calls {@code changed} after the expected steps may have changed (a bundle installed, updated, uninstalled). */
    public void onChange(Runnable changed) {
        listener = changed;
    }

    /** Each step that an installed bundle declares, and who declares it. */
    public Map<String, String> steps() {
        Map<String, String> out = new HashMap<>();
        getTracked().forEach((bundle, steps) -> {
            for (String step : steps.get()) {
                out.merge(step, bundle.getSymbolicName(), (a, b) -> a + " and " + b);
            }
        });
        return out;
    }

    @Override
    public AtomicReference<List<String>> addingBundle(Bundle bundle, BundleEvent event) {
        return new AtomicReference<>(declared(bundle));
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, AtomicReference<List<String>> steps) {
        List<String> now = declared(bundle);
        if (!now.equals(steps.getAndSet(now))) {
            listener.run();
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, AtomicReference<List<String>> steps) {
        if (!steps.get().isEmpty()) {
            listener.run(); // once the tracker has forgotten it: steps() no longer names them
        }
    }

    @Override
    public void close() {
        super.close();
    }

    private List<String> declared(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of(); // uninstalled meanwhile
        }
        return revision.getDeclaredCapabilities(namespace).stream().map(BundleCapability::getAttributes)
            .map(a -> a.get(nameAttribute)).filter(String.class::isInstance).map(String.class::cast).toList();
    }
}
