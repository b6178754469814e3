package org.mtmanager.access;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.tenant.deletion.AccountDeletion;
import org.mtmanager.tenant.deletion.AccountDeletionStep;
import org.osgi.service.component.annotations.Component;

/**
 * Network access's part in deleting an account: grants, forwarded ports and DID routes of any of its machines (even
 * deleted ones, whose deletion releases them) keep it, or they would stay reachable or routed while owned by nobody.
 */
@Component
@AccountDeletionStep("access")
public class AccessAccountDeletion implements AccountDeletion {
    private static final String ALL_MACHINES = "SELECT m.id FROM MachineEntity m WHERE m.accountId = :id";

    @Override
    public List<String> living(EntityManager em, AccountEntity account) {
        List<String> living = new ArrayList<>();
        add(living, count(em, "SELECT COUNT(g) FROM GrantEntity g WHERE g.machineId IN (" + ALL_MACHINES + ")", account),
            "access grant(s) (revoke them)");
        add(living, count(em, "SELECT COUNT(p) FROM PortEntity p WHERE p.machineId IN (" + ALL_MACHINES + ")", account),
            "forwarded external port(s) (they go with their machines)");
        add(living, count(em, "SELECT COUNT(r) FROM DidRouteEntity r WHERE r.machineId IN (" + ALL_MACHINES + ")", account),
            "DID route(s) (delete them)");
        return living;
    }

    private static long count(EntityManager em, String jpql, AccountEntity account) {
        return em.createQuery(jpql, Long.class).setParameter("id", account.getId()).getSingleResult();
    }

    private static void add(List<String> living, long n, String what) {
        if (n > 0) {
            living.add(n + " " + what);
        }
    }
}
