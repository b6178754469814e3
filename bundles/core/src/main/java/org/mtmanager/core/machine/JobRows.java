package org.mtmanager.core.machine;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineEntity;

/** Job rows as the machine service writes them: one open job per machine, and idempotency keys. */
final class JobRows {

    private JobRows() {
    }

    static void requireNoOpenJob(EntityManager em, MachineEntity m) {
        long open = em.createQuery("SELECT COUNT(j.id) FROM JobEntity j WHERE j.machineId = :m AND j.state IN :open", Long.class)
            .setParameter("m", m.getId()).setParameter("open", List.of(JobState.QUEUED.name(), JobState.RUNNING.name(),
                JobState.WAITING.name())).getSingleResult();
        if (open > 0) {
            throw MtmException.conflict(null, "machine " + m.getHostname() + " already has a job running; wait for it to end");
        }
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

    static Job newJob(EntityManager em, Caller caller, MachineEntity m, JobType type, String key) {
        Instant now = Instant.now();
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
        em.flush();
        return MachineViews.job(j);
    }
}
