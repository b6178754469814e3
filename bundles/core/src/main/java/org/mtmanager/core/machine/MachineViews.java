package org.mtmanager.core.machine;

import javax.persistence.EntityManager;

import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineDraft;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineDraftEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PlanEntity;
import org.mtmanager.store.entity.SettingEntity;

/** Entity to API value conversions for machines and jobs. */
final class MachineViews {

    private MachineViews() {
    }

    static Machine machine(EntityManager em, MachineEntity m, boolean driverAvailable) {
        PlanEntity p = em.find(PlanEntity.class, m.getPlanId());
        SettingEntity url = em.find(SettingEntity.class, "machine.web-url");
        String openUrl = url == null ? null : url.getValue().replace("{hostname}", m.getHostname())
            .replace("{internalIp}", m.getInternalIp() == null ? "" : m.getInternalIp());
        return new Machine(m.getId(), m.getSerial(), m.getHostname(), m.getDisplayName(), m.getAccountId(),
            new CustomerData(m.getCompany(), m.getContact(), m.getEmail(), m.getPhone(), m.getAddress(), m.getTaxId()),
            m.getPlanId(), p == null ? null : p.getName(), m.getHost(), m.getDriverType(), driverAvailable,
            m.getInternalIp(), m.getPbxVersion(), m.getExtensions(), m.getTenants(), MachineState.valueOf(m.getState()),
            openUrl, em.createQuery("SELECT a.appKey FROM MachineAppEntity a WHERE a.machineId = :m ORDER BY a.appKey",
                String.class).setParameter("m", m.getId()).getResultList(), m.getCreatedAt(), m.getUpdatedAt());
    }

    static MachineDraft draft(EntityManager em, MachineDraftEntity d) {
        PlanEntity p = em.find(PlanEntity.class, d.getPlanId());
        return new MachineDraft(d.getId(), d.getAccountId(), d.getHostname(), d.getDisplayName(),
            new CustomerData(d.getCompany(), d.getContact(), d.getEmail(), d.getPhone(), d.getAddress(), d.getTaxId()),
            d.getPlanId(), p == null ? null : p.getName(), d.getExtensions(), d.getTenants(), d.getCreatedAt());
    }

    static Job job(JobEntity j) {
        return new Job(j.getId(), JobType.valueOf(j.getType()), j.getMachineId(), JobState.valueOf(j.getState()),
            j.getStep(), j.getPercent(), j.getResult(), j.getError(), j.getIdempotencyKey(), j.getCreatedBy(),
            j.getCreatedAt(), j.getUpdatedAt());
    }
}
