package org.mtmanager.platform.scope;

import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.store.entity.AccountEntity;

/**
 * The distributor model (slide 24): the platform prepares a distributor's machines to the sizes it asks for, and
 * gives it web access; SSH or anything else it needs is opened by the platform, on a non-well-known port. "The
 * platform" is whoever holds the distributor: the account above it (the platform itself, or the operator whose
 * platform it is on). The distributor and its customers configure their machines, and no more.
 */
public final class Distributors {

    private Distributors() {
    }

    /** The distributor an account belongs to: the account itself or the ancestor that is one, if any. */
    public static Optional<AccountEntity> of(EntityManager em, String accountPath) {
        List<AccountEntity> found = em.createQuery("SELECT a FROM AccountEntity a WHERE a.id IN :ids AND a.type = :t",
                AccountEntity.class)
            .setParameter("ids", Scope.idsOnPath(accountPath)).setParameter("t", AccountType.DISTRIBUTOR.name())
            .getResultList();
        return found.stream().findFirst();
    }

    /** Whether the caller acts for the platform towards this distributor: its account is above the distributor's. */
    public static boolean preparesFor(Caller caller, AccountEntity distributor) {
        return distributor.getPath().startsWith(caller.accountPath()) && !distributor.getPath().equals(caller.accountPath());
    }

    /** Refuses (403) a distributor, or one of its customers, doing what the platform does for it. */
    public static void requirePreparer(EntityManager em, Caller caller, String ownerPath, String what) {
        Optional<AccountEntity> distributor = of(em, ownerPath);
        if (distributor.isPresent() && !preparesFor(caller, distributor.get())) {
            throw MtmException.forbidden("the machines of distributor '" + distributor.get().getName()
                + "' are prepared for it by the platform: only an account above the distributor may " + what);
        }
    }
}
