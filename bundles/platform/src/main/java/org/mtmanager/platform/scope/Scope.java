package org.mtmanager.platform.scope;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.TokenScope;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.UserEntity;

/**
 * The visibility and permission rules of the account tree. A caller sees its own account and everything below
 * it; anything else is reported exactly as if it did not exist.
 */
public final class Scope {

    private Scope() {
    }

    public static boolean sees(Caller caller, String path) {
        return path != null && path.startsWith(caller.accountPath());
    }

    /** The account if the caller may see it, else NOT_FOUND. */
    public static AccountEntity visibleAccount(EntityManager em, Caller caller, long id) {
        AccountEntity a = em.find(AccountEntity.class, id);
        if (a == null || !sees(caller, a.getPath())) {
            throw MtmException.notFound("account", id);
        }
        return a;
    }

    public static UserEntity visibleUser(EntityManager em, Caller caller, long id) {
        UserEntity u = em.find(UserEntity.class, id);
        if (u == null) {
            throw MtmException.notFound("user", id);
        }
        AccountEntity a = em.find(AccountEntity.class, u.getAccountId());
        if (a == null || !sees(caller, a.getPath())) {
            throw MtmException.notFound("user", id);
        }
        return u;
    }

    /** The machine if the caller may see it, else NOT_FOUND: the rule of every domain that acts on a machine. */
    public static MachineEntity visibleMachine(EntityManager em, Caller caller, long id) {
        MachineEntity m = em.find(MachineEntity.class, id);
        if (m == null || !sees(caller, m.getAccountPath())) {
            throw MtmException.notFound("machine", id);
        }
        return m;
    }

    /** Read-only users may look, never change. */
    public static void requireWriter(Caller caller) {
        if (!caller.role().canWrite()) {
            throw MtmException.forbidden("role " + caller.role().wireName() + " is read-only");
        }
        if (!caller.canWrite()) {
            throw MtmException.forbidden("the " + caller.tokenScope().wireName() + " token " + caller.tokenId()
                + " may not change this");
        }
    }

    /** Accounts below the caller's own are managed by it; its own account is managed by its parent. */
    public static void requireBelow(Caller caller, AccountEntity a, String what) {
        requireWriter(caller);
        if (a.getPath().equals(caller.accountPath())) {
            throw MtmException.forbidden("an account cannot " + what + " itself; its parent account does that");
        }
    }

    /**
     * The backstop behind every other check: every change is audited, so an audited success of a token outside its
     * scope is refused (and its transaction rolled back) even where a service forgot to check.
     */
    public static void requireTokenAllows(Caller caller, String action) {
        if (caller.tokenScope() == null || caller.tokenScope() == TokenScope.FULL
                || action.startsWith("auth.")) {
            return;
        }
        if (caller.tokenScope() == TokenScope.BILLING && (action.startsWith("usage.")
                || action.startsWith("statement.") || action.startsWith("price-list.") || action.startsWith("billing."))) {
            return;
        }
        throw MtmException.forbidden("the " + caller.tokenScope().wireName() + " token " + caller.tokenId()
            + " may not " + action);
    }

    public static void requirePlatformAdmin(Caller caller) {
        if (!caller.isPlatformAdmin()) {
            throw MtmException.forbidden("only a platform administrator may do this");
        }
    }

    /** The ids on an account's path, root first ("/1/7/42/" gives 1, 7, 42). */
    public static List<Long> idsOnPath(String path) {
        List<Long> ids = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                ids.add(Long.parseLong(p));
            }
        }
        return ids;
    }
}
