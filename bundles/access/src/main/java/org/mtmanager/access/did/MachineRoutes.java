package org.mtmanager.access.did;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.Credential;
import org.mtmanager.api.Role;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.store.entity.DidRouteEntity;
import org.mtmanager.store.entity.MachineEntity;

/** What the machine lifecycle does to the DID table: a deleted machine's routes go with it. */
public final class MachineRoutes {

    private MachineRoutes() {
    }

    /**
     * Removes the machine's routes inside the caller's transaction (the one that marks it DELETED), each with an
     * audit entry by the platform itself against the machine's account.
     *
     * @param requestedBy who asked for the delete, for the entries' detail
     * @return the numbers whose routes went (with their +)
     */
    public static List<String> removeAll(EntityManager em, AuditLog audit, MachineEntity m, String requestedBy) {
        List<DidRouteEntity> routes = em.createQuery("SELECT r FROM DidRouteEntity r WHERE r.machineId = :m ORDER BY r.prefix",
            DidRouteEntity.class).setParameter("m", m.getId()).getResultList();
        if (routes.isEmpty()) {
            return List.of();
        }
        long root = Scope.idsOnPath(m.getAccountPath()).get(0);
        Caller platform = new Caller(0, "system", root, "/" + root + "/", Role.PLATFORM_ADMIN, "local", Channel.SYSTEM,
            Credential.PLATFORM);
        List<AuditEvent> removals = new ArrayList<>();
        for (DidRouteEntity r : routes) {
            removals.add(AuditEvent.success("did-route.delete", "did-route", r.getId(), m.getAccountId(),
                DidRouteServiceImpl.describe(r, m) + " (machine deleted" + (requestedBy == null ? "" : " by " + requestedBy) + ")"));
            em.remove(r);
        }
        audit.appendAll(em, platform, removals);
        return routes.stream().map(r -> DidNumbers.display(r.getPrefix())).toList();
    }
}
