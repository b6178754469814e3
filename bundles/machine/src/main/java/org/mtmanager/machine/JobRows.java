package org.mtmanager.machine;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineEntity;

/**
 * Job rows as the machine service writes them: one open job per machine, and idempotency keys. One open job per
 * machine holds across nodes through the job's unique {@code OPENMACHINEID}; {@link #requireNoOpenJob} only says
 * so earlier, in the common case, with the machine's name.
 */
final class JobRows {

    private JobRows() {
    }

    private static final List<String> OPEN = List.of(JobState.QUEUED.name(), JobState.RUNNING.name(), JobState.WAITING.name());

    static void requireNoOpenJob(EntityManager em, MachineEntity m) {
        if (!open(em, m).isEmpty()) {
            throw busy(m);
        }
    }

    private static MtmException busy(MachineEntity m) {
        return MtmException.conflict(null, "machine " + m.getHostname() + " already has a job running; wait for it to end");
    }

    /**
     * A job that waits for a host or driver that is not there may wait for ever, and while it is open its machine
     * takes no other action. So an operator's stop, start or delete replaces it: it ends FAILED, saying what
     * replaced it, and its machine is in ERROR, from which that action goes on. A job that is under way, or waits
     * for its next attempt while host and driver are there, is not replaced: it ends by itself.
     *
     * @param stranded whether the machine's host or driver is unavailable now
     */
    static void replaceStranded(EntityManager em, MachineEntity m, boolean stranded, JobType by, String username, Instant now) {
        List<JobEntity> open = open(em, m);
        if (!stranded || open.size() != 1 || !open.get(0).getState().equals(JobState.WAITING.name())) {
            return;
        }
        JobEntity j = open.get(0);
        // A node may have claimed it as it came due: its lease ends, and its next write is refused.
        j.endLease();
        j.setState(JobState.FAILED.name());
        j.setError("cancelled: replaced by a " + by.name().toLowerCase(Locale.ROOT) + " of " + username
            + " while it was " + (j.getStep() == null ? "waiting" : j.getStep()));
        j.setNextAttemptAt(null);
        j.setUpdatedAt(now);
        m.setState(MachineState.ERROR.name());
        m.setUpdatedAt(now);
    }

    private static List<JobEntity> open(EntityManager em, MachineEntity m) {
        return em.createQuery("SELECT j FROM JobEntity j WHERE j.machineId = :m AND j.state IN :open", JobEntity.class)
            .setParameter("m", m.getId()).setParameter("open", OPEN).getResultList();
    }

    /** Whether the database refused a row for a unique value (SQL state class 23); cause chains may loop. */
    private static boolean uniqueViolation(PersistenceException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    static Job sameKey(EntityManager em, Caller caller, String key, JobType type, Long machineId) {
        if (key == null) {
            return null;
        }
        List<JobEntity> found = em.createQuery("SELECT j FROM JobEntity j WHERE j.accountPath = :p AND j.idempotencyKey = :k",
            JobEntity.class).setParameter("p", caller.accountPath()).setParameter("k", key).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        JobEntity j = found.get(0);
        if (!j.getType().equals(type.name()) || (machineId != null && j.getMachineId() != machineId)) {
            throw MtmException.conflict("idempotencyKey", "idempotencyKey: already used for another operation");
        }
        return MachineViews.job(j);
    }

    /**
     * A new QUEUED job of the machine. Another open job of the machine, made at the same moment by another request
     * (on this node or another), makes this one a conflict, and the request's transaction is rolled back.
     */
    static Job newJob(EntityManager em, Caller caller, MachineEntity m, JobType type, String key, Instant now) {
        em.flush(); // what the request changed before: a conflict in the flush below is the job's own
        JobEntity j = new JobEntity();
        j.setType(type.name());
        j.setMachineId(m.getId());
        // Jobs are scoped by the caller's account path, so an idempotency key is the caller's account's own.
        j.setAccountPath(key == null ? m.getAccountPath() : caller.accountPath());
        j.setState(JobState.QUEUED.name());
        j.setStep("queued");
        j.setIdempotencyKey(key);
        j.setCreatedBy(caller.username());
        j.setCreatedAt(now);
        j.setUpdatedAt(now);
        em.persist(j);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                throw busy(m);
            }
            throw e;
        }
        return MachineViews.job(j);
    }
}
