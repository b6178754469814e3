package org.mtmanager.machine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.persistence.EntityManager;

import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineDraft;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.util.UpgradePath;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineDraftEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PlanEntity;
import org.mtmanager.store.entity.SettingEntity;

/** Entity to API value conversions for machines and jobs. */
final class MachineViews {

    private MachineViews() {
    }

    /** The settings every machine view shows: the web-url template (or null) and the PBX upgrade path. */
    record Shown(String webUrl, UpgradePath upgradePath) {
    }

    static Shown shown(EntityManager em) {
        SettingEntity url = em.find(SettingEntity.class, "machine.web-url");
        return new Shown(url == null ? null : url.getValue(), Allocation.upgradePath(em));
    }

    static Machine machine(EntityManager em, MachineEntity m, boolean driverAvailable, Shown shown) {
        return machines(em, List.of(m), x -> driverAvailable, shown).get(0);
    }

    /**
     * Views of several machines with a fixed number of queries (their plans, the web-url setting, and all their
     * apps at once), whatever their number: a page of 100 must not cost 100 round trips.
     */
    static List<Machine> machines(EntityManager em, List<MachineEntity> ms, Predicate<String> driverAvailable,
                                  Shown shown) {
        if (ms.isEmpty()) {
            return List.of();
        }
        String url = shown.webUrl();
        UpgradePath path = shown.upgradePath();
        Map<Long, String> owners = new HashMap<>();
        em.createQuery("SELECT a.id, a.name FROM AccountEntity a WHERE a.id IN :ids", Object[].class)
            .setParameter("ids", ms.stream().map(MachineEntity::getAccountId).distinct().toList()).getResultList()
            .forEach(r -> owners.put((Long) r[0], (String) r[1]));
        Map<Long, String> planNames = new HashMap<>();
        Map<Long, List<String>> apps = new HashMap<>();
        em.createQuery("SELECT a.machineId, a.appKey FROM MachineAppEntity a WHERE a.machineId IN :ids ORDER BY a.appKey",
                Object[].class).setParameter("ids", ms.stream().map(MachineEntity::getId).toList()).getResultList()
            .forEach(r -> apps.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        List<Machine> out = new ArrayList<>(ms.size());
        for (MachineEntity m : ms) {
            String planName = planNames.computeIfAbsent(m.getPlanId(), id -> {
                PlanEntity p = em.find(PlanEntity.class, id);
                return p == null ? null : p.getName();
            });
            String openUrl = url == null ? null : url.replace("{hostname}", m.getHostname())
                .replace("{internalIp}", m.getInternalIp() == null ? "" : m.getInternalIp());
            // Off the path (a version the platform dropped) there is nothing an upgrade could do: none is offered.
            List<String> upgrade = path.versions().contains(m.getPbxVersion()) ? path.stepsFrom(m.getPbxVersion()) : List.of();
            out.add(new Machine(m.getId(), m.getSerial(), m.getHostname(), m.getDisplayName(), m.getAccountId(),
                owners.get(m.getAccountId()), m.getCustomer(),
                m.getPlanId(), planName, m.getHost(), m.getDriverType(), driverAvailable.test(m.getDriverType()),
                m.getInternalIp(), m.getPbxVersion(), m.getExtensions(), m.getTenants(), m.getLines(), MachineState.valueOf(m.getState()),
                openUrl, apps.getOrDefault(m.getId(), List.of()), upgrade, m.getCreatedAt(), m.getUpdatedAt()));
        }
        return out;
    }

    static MachineDraft draft(EntityManager em, MachineDraftEntity d) {
        PlanEntity p = em.find(PlanEntity.class, d.getPlanId());
        return new MachineDraft(d.getId(), d.getAccountId(), d.getHostname(), d.getDisplayName(),
            d.getCustomer(),
            d.getPlanId(), p == null ? null : p.getName(), d.getExtensions(), d.getTenants(), d.getLines(), d.getCreatedAt());
    }

    static Job job(JobEntity j) {
        return new Job(j.getId(), JobType.valueOf(j.getType()), j.getMachineId(), JobState.valueOf(j.getState()),
            j.getStep(), j.getPercent(), j.getAttempts(), j.getNextAttemptAt(), j.getResult(), j.getError(), j.getIdempotencyKey(), j.getCreatedBy(),
            j.getCreatedAt(), j.getUpdatedAt());
    }
}
