package org.mtmanager.machine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.mtmanager.machine.deletion.DeletionStep;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.BundleTracker;

/**
 * The deletion steps that installed bundles declare ({@link DeletionStep}): a bundle's steps are expected from the
 * moment it is installed (before any of its services can exist) until it is uninstalled (after they are gone), in
 * every state between, so that no moment of a bundle's start, stop or update lets a deletion through without them.
 * An update reads the bundle's new revision. When a bundle's steps go (it is uninstalled, or updated without them),
 * the listener hears of it, so that deletions that waited for them go on.
 */
final class InstalledDeletionSteps extends BundleTracker<AtomicReference<List<String>>> implements DeletionSteps.Expected {
    private static final int INSTALLED = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    /** Tracks the framework's bundles from now on; the caller closes it. */
    static InstalledDeletionSteps open(BundleContext context) {
        InstalledDeletionSteps steps = new InstalledDeletionSteps(context);
        steps.open();
        return steps;
    }

    private volatile Runnable listener = () -> { };

    private InstalledDeletionSteps(BundleContext context) {
        super(context, INSTALLED, null);
    }

    @Override
    public void onChange(Runnable changed) {
        listener = changed;
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
    public void close() {
        super.close();
    }

    private static List<String> declared(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of(); // uninstalled meanwhile
        }
        return revision.getDeclaredCapabilities(DeletionStep.NAMESPACE).stream().map(BundleCapability::getAttributes)
            .map(a -> a.get(DeletionStep.NAME_ATTRIBUTE)).filter(String.class::isInstance).map(String.class::cast).toList();
    }
}
