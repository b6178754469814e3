package org.mtmanager.tenant.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.mtmanager.api.MtmException;
import org.mtmanager.platform.util.InstalledSteps;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.tenant.deletion.AccountDeletion;
import org.mtmanager.tenant.deletion.AccountDeletionStep;
import org.osgi.framework.BundleContext;

/**
 * The steps of an account's deletion: the {@link AccountDeletion} services bound now, and the steps that must be
 * among them, which are those that installed bundles declare ({@link AccountDeletionStep}), whatever their state. A
 * deletion goes on only with every expected step bound. Unlike a machine's, which waits as a job, an account's
 * deletion is one request: while a step is missing (its bundle starting, stopping or updated) it is refused, and
 * says which step, so that it never goes with a machine or an unbilled month left behind.
 */
final class AccountDeletionSteps implements AutoCloseable {
    private record Bound(AccountDeletion step, String name) {
    }

    private static final Comparator<Bound> BY_NAME = Comparator.comparing(Bound::name, Comparator.nullsLast(Comparator.naturalOrder()));

    private final List<Bound> bound = new CopyOnWriteArrayList<>();
    private final Supplier<Map<String, String>> expected;
    private final AutoCloseable tracker;

    private AccountDeletionSteps(Supplier<Map<String, String>> expected, AutoCloseable tracker) {
        this.expected = expected;
        this.tracker = tracker;
    }

    /** Expects the steps that the framework's installed bundles declare. */
    static AccountDeletionSteps installed(BundleContext context) {
        InstalledSteps installed = InstalledSteps.open(context, AccountDeletionStep.NAMESPACE, AccountDeletionStep.NAME_ATTRIBUTE);
        return new AccountDeletionSteps(installed::steps, installed);
    }

    /** Expects these steps (name to who declares it), as installed bundles would. */
    static AccountDeletionSteps expecting(Map<String, String> steps) {
        Map<String, String> copy = Map.copyOf(steps);
        return new AccountDeletionSteps(() -> copy, () -> { });
    }

    /** @param name the step's name ({@link AccountDeletionStep#PROPERTY}); null for a step that names none (run, never expected) */
    void add(AccountDeletion step, String name) {
        bound.add(new Bound(step, name));
    }

    void remove(AccountDeletion step) {
        bound.removeIf(b -> b.step() == step);
    }

    /**
     * The steps a deletion runs now, in the order of their names (so that a refusal always reads the same); refused
     * (409) while an expected step is not bound.
     */
    List<AccountDeletion> require(AccountEntity a) {
        List<Bound> now = new ArrayList<>(bound);
        now.sort(BY_NAME);
        Map<String, String> missing = new TreeMap<>(expected.get());
        List<AccountDeletion> steps = new ArrayList<>(now.size());
        for (Bound b : now) {
            steps.add(b.step());
            if (b.name() != null) {
                missing.remove(b.name());
            }
        }
        if (!missing.isEmpty()) {
            throw MtmException.conflict(null, "account " + a.getId() + " ('" + a.getName() + "') cannot be deleted now: the deletion step "
                + missing.entrySet().stream().map(e -> e.getKey() + " of " + e.getValue()).collect(Collectors.joining(", "))
                + " is installed but not available yet; try again once it is");
        }
        return List.copyOf(steps);
    }

    @Override
    public void close() throws Exception {
        tracker.close();
    }
}
