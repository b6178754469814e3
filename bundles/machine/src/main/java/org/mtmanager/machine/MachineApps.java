package org.mtmanager.machine;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.entity.AppEntity;
import org.mtmanager.store.entity.MachineAppEntity;
import org.mtmanager.store.entity.MachineEntity;

/** Catalog apps on a machine: only enabled apps, never on a deleted machine; billing counts these rows. */
final class MachineApps {

    private MachineApps() {
    }

    static void activate(EntityManager em, AuditLog audit, Caller caller, MachineEntity m, String appKey, Instant now) {
        AppEntity app = app(em, appKey);
        if (MachineState.valueOf(m.getState()) == MachineState.DELETED) {
            throw MtmException.conflict("state", "machine " + m.getHostname() + " is deleted");
        }
        if (!app.isEnabled()) {
            throw new MtmException(ErrorCode.RULE_VIOLATION, "appKey", "appKey: " + app.getKey() + " is disabled in the catalog");
        }
        if (activeApp(em, m.getId(), app.getKey()) == null) {
            MachineAppEntity a = new MachineAppEntity();
            a.setMachineId(m.getId());
            a.setAppKey(app.getKey());
            a.setActivatedBy(caller.username());
            a.setActivatedAt(now);
            em.persist(a);
            em.flush();
            audit.append(em, caller, AuditEvent.success("machine.app-activate", "machine", m.getId(), m.getAccountId(),
                app.getKey() + " on " + m.getHostname()));
        }
    }

    static void deactivate(EntityManager em, AuditLog audit, Caller caller, MachineEntity m, String appKey) {
        AppEntity app = app(em, appKey);
        MachineAppEntity a = activeApp(em, m.getId(), app.getKey());
        if (a == null) {
            throw new MtmException(ErrorCode.NOT_FOUND, "appKey", "appKey: " + app.getKey() + " is not active on " + m.getHostname());
        }
        em.remove(a);
        em.flush();
        audit.append(em, caller, AuditEvent.success("machine.app-deactivate", "machine", m.getId(), m.getAccountId(),
            app.getKey() + " on " + m.getHostname()));
    }

    static AppEntity app(EntityManager em, String appKey) {
        String key = Fields.required("appKey", appKey);
        AppEntity app = em.find(AppEntity.class, key);
        if (app == null) {
            throw new MtmException(ErrorCode.NOT_FOUND, "appKey", "appKey: no app " + key + " in the catalog");
        }
        return app;
    }

    static MachineAppEntity activeApp(EntityManager em, long machineId, String key) {
        List<MachineAppEntity> found = em.createQuery(
                "SELECT a FROM MachineAppEntity a WHERE a.machineId = :m AND a.appKey = :k", MachineAppEntity.class)
            .setParameter("m", machineId).setParameter("k", key).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
