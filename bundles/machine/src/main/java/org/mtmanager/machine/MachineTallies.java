package org.mtmanager.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.mtmanager.api.machine.MachineState;
import org.mtmanager.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machines' tally ({@code MTM_MACHINE_TALLY}, see {@code 005-machine-tally.xml}): signed counts per account,
 * path and state that the database's triggers add in the same transaction as each write of a machine, so a sum over
 * them is the exact number of machines, on every node at once. Each change adds rows; {@link #fold} sums the rows of
 * each key into one, on every node at its start and then once a minute, so a total reads about one row per account and state, plus the
 * last minute's changes. Folding takes the tally's table lock, so folds on two nodes run one after the other and
 * the second finds nothing left; machine writes wait for a fold's few milliseconds.
 */
@Component(service = MachineTallies.class, immediate = true)
public final class MachineTallies {
    private static final Logger LOG = LoggerFactory.getLogger(MachineTallies.class);
    private static final long FOLD_EVERY_SECONDS = 60;
    private static final String KEYS_TO_FOLD = "SELECT ACCOUNTID, ACCOUNTPATH, STATE, SUM(MACHINES) FROM MTM_MACHINE_TALLY"
        + " GROUP BY ACCOUNTID, ACCOUNTPATH, STATE HAVING COUNT(*) > 1 OR SUM(MACHINES) = 0";

    private final Store store;
    private final ScheduledExecutorService timer;

    @Activate
    public MachineTallies(@Reference Store store) {
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mtm-machine-tally");
            t.setDaemon(true);
            return t;
        });
        // At once first: rows written while no node ran (a restore, a bulk load) are folded before the lists need them.
        timer.scheduleWithFixedDelay(this::foldSafely, 0, FOLD_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void foldSafely() {
        try {
            fold(store);
        } catch (RuntimeException e) {
            // The rows stay as they are, and as exact: the next fold takes them with the newer ones.
            LOG.warn("Folding the machines' tally failed; it is retried in {} s: {}", FOLD_EVERY_SECONDS, e.getMessage(), e);
        }
    }

    /**
     * The number of machines in a list's scope.
     *
     * @param pathPattern the subtree ({@code path%}), or null for every machine
     * @param accountId   one account's machines only, or null
     * @param state       one state, or null for every state but DELETED (as the list shows)
     */
    static long count(EntityManager em, String pathPattern, Long accountId, MachineState state) {
        StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(MACHINES), 0) FROM MTM_MACHINE_TALLY WHERE ");
        List<Object> params = new ArrayList<>();
        sql.append(state == null ? "STATE <> 'DELETED'" : "STATE = ?");
        if (state != null) {
            params.add(state.name());
        }
        if (pathPattern != null) {
            sql.append(" AND ACCOUNTPATH LIKE ?");
            params.add(pathPattern);
        }
        if (accountId != null) {
            sql.append(" AND ACCOUNTID = ?");
            params.add(accountId);
        }
        Query q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    /** Sums each key's rows into one and drops keys that count nothing; returns how many keys it folded. */
    public static int fold(Store store) {
        if (store.read(em -> keysToFold(em).isEmpty())) {
            return 0;
        }
        return store.write(em -> {
            // Under the lock no trigger adds a row, so the sums read are the ones written back.
            em.createNativeQuery("LOCK TABLE MTM_MACHINE_TALLY IN EXCLUSIVE MODE").executeUpdate();
            List<Object[]> keys = keysToFold(em);
            for (Object[] k : keys) {
                em.createNativeQuery("DELETE FROM MTM_MACHINE_TALLY WHERE ACCOUNTID = ? AND ACCOUNTPATH = ? AND STATE = ?")
                    .setParameter(1, k[0]).setParameter(2, k[1]).setParameter(3, k[2]).executeUpdate();
                long machines = ((Number) k[3]).longValue();
                if (machines != 0) {
                    em.createNativeQuery("INSERT INTO MTM_MACHINE_TALLY (ACCOUNTID, ACCOUNTPATH, STATE, MACHINES) VALUES (?, ?, ?, ?)")
                        .setParameter(1, k[0]).setParameter(2, k[1]).setParameter(3, k[2]).setParameter(4, machines)
                        .executeUpdate();
                }
            }
            return keys.size();
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> keysToFold(EntityManager em) {
        return em.createNativeQuery(KEYS_TO_FOLD).getResultList();
    }
}
