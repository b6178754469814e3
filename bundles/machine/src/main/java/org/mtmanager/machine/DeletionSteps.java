package org.mtmanager.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.mtmanager.machine.deletion.DeletionStep;
import org.mtmanager.machine.deletion.MachineDeletion;
import org.mtmanager.platform.util.InstalledSteps;
import org.osgi.framework.BundleContext;

/**
 * The steps of a machine's deletion: the {@link MachineDeletion} hooks that are bound now, and the steps that must be
 * among them. A deletion completes only with every expected step bound; otherwise it waits ({@link JobEngine}) and
 * goes on when the step arrives.
 *
 * <p>Why the steps are expected from what is installed, and not from the hooks that happen to be bound: hooks come
 * and go with their bundles (the access and DID code are meant to become bundles of their own), and a bound set is
 * incomplete at times that nothing else marks: while the platform starts (the job engine resumes jobs before DS has
 * bound every hook, and a hook whose own references are not yet satisfied is not even registered), while a bundle is
 * updated or restarted. A deletion that completed then would leave the machine's grants, ports and routes behind.
 * So a hook's bundle declares each of its steps as a capability ({@link DeletionStep}), and for as long as such a
 * bundle is installed, whatever its state, its steps are expected; a bundle that is not installed (the access feature
 * left out, or uninstalled) expects nothing, and deletions do without it. A step whose bundle is installed but can
 * never start keeps deletions waiting, and the job's step says which one and whose: that is for an operator to
 * repair, not for a deletion to skip. The machine lifecycle names no hook's classes: only the names its bundles
 * declare.
 */
final class DeletionSteps implements AutoCloseable {
    /** Where the expected steps come from: each step's name, and who declares it (for the job's step). */
    interface Expected extends AutoCloseable {
        Map<String, String> steps();

        /** Calls {@code listener} after the expected steps may have changed (a bundle installed, updated, uninstalled). */
        default void onChange(Runnable listener) {
        }

        @Override
        default void close() {
        }
    }

    /** What a deletion runs now, or, when an expected step is not bound, why it must wait (else null). */
    record Plan(List<MachineDeletion> hooks, String waitingFor) {
    }

    private record Bound(MachineDeletion hook, String step) {
    }

    private final List<Bound> bound = new CopyOnWriteArrayList<>();
    private final Expected expected;

    DeletionSteps(Expected expected) {
        this.expected = expected;
    }

    /** Deletion steps that expect those the framework's installed bundles declare ({@link DeletionStep}). */
    static Expected installed(BundleContext context) {
        InstalledSteps installed = InstalledSteps.open(context, DeletionStep.NAMESPACE, DeletionStep.NAME_ATTRIBUTE);
        return new Expected() {
            @Override
            public Map<String, String> steps() {
                return installed.steps();
            }

            @Override
            public void onChange(Runnable listener) {
                installed.onChange(listener);
            }

            @Override
            public void close() {
                installed.close();
            }
        };
    }

    /** Deletion steps that expect nothing: those bound are run, none is waited for. */
    static DeletionSteps none() {
        return new DeletionSteps(Map::of);
    }

    /** Deletion steps that expect these steps (name to who declares it), as installed bundles would. */
    static DeletionSteps expecting(Map<String, String> steps) {
        Map<String, String> copy = Map.copyOf(steps);
        return new DeletionSteps(() -> copy);
    }

    /**
     * @param step the hook's step name ({@link DeletionStep#PROPERTY}); null for a hook that names none, which is run
     *             but never waited for
     */
    void add(MachineDeletion hook, String step) {
        bound.add(new Bound(hook, step));
    }

    void remove(MachineDeletion hook) {
        bound.removeIf(b -> b.hook() == hook);
    }

    /** Calls {@code listener} after the expected steps may have changed. */
    void onExpectedChange(Runnable listener) {
        expected.onChange(listener);
    }

    Plan plan() {
        List<Bound> now = List.copyOf(bound);
        Map<String, String> missing = new TreeMap<>(expected.steps());
        List<MachineDeletion> hooks = new ArrayList<>(now.size());
        for (Bound b : now) {
            hooks.add(b.hook());
            if (b.step() != null) {
                missing.remove(b.step());
            }
        }
        if (missing.isEmpty()) {
            return new Plan(List.copyOf(hooks), null);
        }
        return new Plan(List.of(), "waiting for the deletion step " + missing.entrySet().stream()
            .map(e -> e.getKey() + " of " + e.getValue()).collect(Collectors.joining(", "))
            + " (installed, not available yet); the machine is not deleted without it");
    }

    @Override
    public void close() throws Exception {
        expected.close();
    }
}
