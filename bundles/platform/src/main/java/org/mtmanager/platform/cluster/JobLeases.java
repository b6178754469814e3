package org.mtmanager.platform.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

/**
 * Job leases on the job rows, as this node takes, keeps and gives them back. Each method runs inside the caller's
 * transaction (a {@code Store} unit of work), on its connection, and changes nothing outside the database, so a
 * unit of work the store runs again (after a deadlock) does the same again harmlessly.
 *
 * <p>A job is claimable when it is open (QUEUED, RUNNING or WAITING), due (a WAITING job once its next attempt has
 * come), and free: no node holds it, its lease has passed, or the node that holds it is not UP with a live lease
 * of its own (DOWN or STOPPED). A claim writes this node as the owner, the lease's end, and the fence + 1.
 */
public final class JobLeases {
    private static final String OPEN = "STATE IN ('QUEUED', 'RUNNING', 'WAITING')";
    /**
     * Three parameters: now, this node, now. This node's own leases are free only once they run out: it knows that
     * it lives, even when its row's heartbeat is late, and it must not take a job from its own running worker.
     */
    private static final String FREE = "(LEASEOWNER IS NULL OR LEASEUNTIL IS NULL OR LEASEUNTIL < ? OR (LEASEOWNER <> ?"
        + " AND NOT EXISTS (SELECT 1 FROM MTM_NODE n WHERE n.NAME = MTM_JOB.LEASEOWNER AND n.STATE = 'UP' AND n.LEASEUNTIL >= ?)))";
    /** One parameter: now. */
    private static final String DUE = "(STATE <> 'WAITING' OR NEXTATTEMPTAT IS NULL OR NEXTATTEMPTAT <= ?)";
    /** Two parameters: this node, the lease's end. */
    private static final String TAKE = "LEASEOWNER = ?, LEASEUNTIL = ?, FENCE = FENCE + 1, CLAIMS = CLAIMS + 1, VERSION = VERSION + 1";

    private final LocalNode node;
    private final Clock clock;

    public JobLeases(LocalNode node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    public LocalNode node() {
        return node;
    }

    /** Claims one job if it is claimable (a job just submitted on this node); empty if not. */
    public Optional<JobLease> claim(EntityManager em, long jobId) {
        Instant now = clock.instant();
        Connection c = Database.connection(em);
        try (PreparedStatement update = c.prepareStatement("UPDATE MTM_JOB SET " + TAKE + " WHERE ID = ? AND " + OPEN
            + " AND " + FREE + " AND " + DUE)) {
            int i = take(update, now);
            update.setLong(i++, jobId);
            claimable(update, i, now, true);
            if (update.executeUpdate() == 0) {
                return Optional.empty();
            }
            try (PreparedStatement read = c.prepareStatement("SELECT FENCE, CLAIMS FROM MTM_JOB WHERE ID = ?")) {
                read.setLong(1, jobId);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return Optional.of(new JobLease(jobId, rs.getLong(1), rs.getInt(2)));
                }
            }
        } catch (SQLException e) {
            throw Database.failed("claim job " + jobId, e);
        }
    }

    /**
     * Claims up to {@code max} claimable jobs, oldest first, skipping those another node is claiming at the same
     * moment. With {@code dueOrNot}, WAITING jobs are claimed before their next attempt too (a driver arrived).
     */
    public List<JobLease> claimSome(EntityManager em, int max, boolean dueOrNot) {
        if (max <= 0) {
            return List.of();
        }
        try {
            Connection c = Database.connection(em);
            return Database.of(c) == Database.POSTGRESQL ? claimSkippingLocked(c, max, dueOrNot) : claimEach(c, max, dueOrNot);
        } catch (SQLException e) {
            throw Database.failed("claim jobs", e);
        }
    }

    /** db-scheduler's way: one statement, rows locked by another claim are skipped instead of waited for. */
    private List<JobLease> claimSkippingLocked(Connection c, int max, boolean dueOrNot) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement s = c.prepareStatement("UPDATE MTM_JOB SET " + TAKE + " WHERE ID IN (SELECT ID FROM MTM_JOB"
            + " WHERE " + OPEN + " AND " + FREE + (dueOrNot ? "" : " AND " + DUE) + " ORDER BY ID LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " RETURNING ID, FENCE, CLAIMS")) {
            int i = claimable(s, take(s, now), now, !dueOrNot);
            s.setInt(i, max);
            List<JobLease> claimed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new JobLease(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
                }
            }
            return claimed;
        }
    }

    /**
     * Derby has no SKIP LOCKED: the candidates are read, then each is taken by a compare-and-set on its fence
     * (under the row's lock, so of two nodes taking the same job, one updates it and the other finds it changed).
     * Candidates are taken in id order, so two claims lock rows in the same order and never deadlock.
     */
    private List<JobLease> claimEach(Connection c, int max, boolean dueOrNot) throws SQLException {
        Instant now = clock.instant();
        String where = OPEN + " AND " + FREE + (dueOrNot ? "" : " AND " + DUE);
        List<JobLease> candidates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID, FENCE, CLAIMS FROM MTM_JOB WHERE " + where + " ORDER BY ID")) {
            s.setMaxRows(max);
            claimable(s, 1, now, !dueOrNot);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new JobLease(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
                }
            }
        }
        List<JobLease> claimed = new ArrayList<>();
        try (PreparedStatement cas = c.prepareStatement("UPDATE MTM_JOB SET " + TAKE + " WHERE ID = ? AND FENCE = ? AND " + where)) {
            for (JobLease candidate : candidates) {
                int i = take(cas, now);
                cas.setLong(i++, candidate.jobId());
                cas.setLong(i++, candidate.fence());
                claimable(cas, i, now, !dueOrNot);
                if (cas.executeUpdate() == 1) {
                    claimed.add(new JobLease(candidate.jobId(), candidate.fence() + 1, candidate.claims() + 1));
                }
            }
        }
        return claimed;
    }

    /**
     * The lease still holds (same fence, this node the owner) and is renewed, in the caller's transaction, which
     * is rolled back by the exception if it does not: the job is another node's now, or it ended.
     */
    public void hold(EntityManager em, JobLease lease) {
        try (PreparedStatement s = Database.connection(em).prepareStatement(
            "UPDATE MTM_JOB SET LEASEUNTIL = ? WHERE ID = ? AND FENCE = ? AND LEASEOWNER = ?")) {
            s.setTimestamp(1, at(clock.instant().plus(node.lease())));
            s.setLong(2, lease.jobId());
            s.setLong(3, lease.fence());
            s.setString(4, node.name());
            if (s.executeUpdate() == 0) {
                throw new LeaseLostException(lease, node.name());
            }
        } catch (SQLException e) {
            throw Database.failed("check the lease of job " + lease.jobId(), e);
        }
    }

    /**
     * The heartbeat of this node's running jobs: one statement renews every lease that still holds. Returns the
     * leases that do not (another node took the job over, or it ended).
     */
    public Set<JobLease> renew(EntityManager em, Collection<JobLease> leases) {
        if (leases.isEmpty()) {
            return Set.of();
        }
        List<JobLease> all = List.copyOf(leases);
        StringBuilder which = new StringBuilder();
        for (int k = 0; k < all.size(); k++) {
            which.append(k == 0 ? "" : " OR ").append("(ID = ? AND FENCE = ?)");
        }
        Connection c = Database.connection(em);
        try (PreparedStatement s = c.prepareStatement("UPDATE MTM_JOB SET LEASEUNTIL = ? WHERE LEASEOWNER = ? AND (" + which + ")")) {
            s.setTimestamp(1, at(clock.instant().plus(node.lease())));
            s.setString(2, node.name());
            fences(s, 3, all);
            if (s.executeUpdate() == all.size()) {
                return Set.of();
            }
            try (PreparedStatement held = c.prepareStatement("SELECT ID FROM MTM_JOB WHERE LEASEOWNER = ? AND (" + which + ")")) {
                held.setString(1, node.name());
                fences(held, 2, all);
                Set<Long> ids = new HashSet<>();
                try (ResultSet rs = held.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                Set<JobLease> lost = new HashSet<>(all);
                lost.removeIf(l -> ids.contains(l.jobId()));
                return lost;
            }
        } catch (SQLException e) {
            throw Database.failed("renew the job leases of node " + node.name(), e);
        }
    }

    /** Gives one lease back (the job could not be started here): another claim may take it at once. */
    public void release(EntityManager em, JobLease lease) {
        try (PreparedStatement s = Database.connection(em).prepareStatement(
            "UPDATE MTM_JOB SET LEASEOWNER = NULL, LEASEUNTIL = NULL WHERE ID = ? AND FENCE = ? AND LEASEOWNER = ?")) {
            s.setLong(1, lease.jobId());
            s.setLong(2, lease.fence());
            s.setString(3, node.name());
            s.executeUpdate();
        } catch (SQLException e) {
            throw Database.failed("release the lease of job " + lease.jobId(), e);
        }
    }

    /**
     * Gives back every lease held in this node's name (a clean stop, or a start after this node died): the jobs are
     * free for any node at once; a late write of a worker that still runs here is refused, since the owner changed.
     */
    public int releaseAll(EntityManager em) {
        try (PreparedStatement s = Database.connection(em).prepareStatement(
            "UPDATE MTM_JOB SET LEASEOWNER = NULL, LEASEUNTIL = NULL WHERE LEASEOWNER = ?")) {
            s.setString(1, node.name());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw Database.failed("release the job leases of node " + node.name(), e);
        }
    }

    private int take(PreparedStatement s, Instant now) throws SQLException {
        s.setString(1, node.name());
        s.setTimestamp(2, at(now.plus(node.lease())));
        return 3;
    }

    /** Sets the parameters of {@link #FREE} (and {@link #DUE} if {@code due}) from {@code i}; returns the next index. */
    private int claimable(PreparedStatement s, int i, Instant now, boolean due) throws SQLException {
        Timestamp t = at(now);
        s.setTimestamp(i++, t);
        s.setString(i++, node.name());
        s.setTimestamp(i++, t);
        if (due) {
            s.setTimestamp(i++, t);
        }
        return i;
    }

    private static void fences(PreparedStatement s, int from, List<JobLease> leases) throws SQLException {
        int i = from;
        for (JobLease l : leases) {
            s.setLong(i++, l.jobId());
            s.setLong(i++, l.fence());
        }
    }

    static Timestamp at(Instant t) {
        return Timestamp.from(t.truncatedTo(ChronoUnit.MILLIS));
    }
}
