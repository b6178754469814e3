package org.mtmanager.tenant.security;

import java.util.List;
import java.util.Locale;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.audit.Outcome;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Cidr;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.UserEntity;
import org.mtmanager.store.entity.WhitelistEntity;

/**
 * What every way of authenticating needs to know about a user before it trusts a credential: the account's
 * portal whitelist, whether an account on its path is suspended, and whether one requires two-factor
 * authentication. Read in one go, so that each credential check costs a fixed number of queries.
 */
final class Candidates {

    /** A user about to be authenticated. */
    record Candidate(UserEntity user, AccountEntity account, List<WhitelistEntity> whitelist, boolean suspended,
                     boolean twoFactorRequired) {

        boolean twoFactorOn() {
            return user.isTotpEnabled() && user.getTotpSecret() != null;
        }

        /** The account requires two-factor authentication of a user who has not enrolled. */
        boolean enrolmentOnly() {
            return twoFactorRequired && !twoFactorOn();
        }

        /**
         * Refuses an address off the account's portal whitelist (audited), before any secret is looked at.
         *
         * @param what the credential's kind and id for the audit log ("user", "token", "session")
         */
        void requireAllowed(AuditLog audit, Caller caller, String what, long id) {
            String ip = caller.sourceIp();
            if (!whitelist.isEmpty() && whitelist.stream().noneMatch(w -> Cidr.parse("cidr", w.getCidr()).contains(ip))) {
                audit.record(caller, new AuditEvent("auth.ip-refused", what, String.valueOf(id), account.getId(),
                    Outcome.DENIED, "source " + ip + " is not on the portal whitelist"));
                throw new MtmException(ErrorCode.IP_NOT_ALLOWED, "your address " + ip + " is not on the portal whitelist");
            }
        }
    }

    private Candidates() {
    }

    static Candidate byName(EntityManager em, String name) {
        List<UserEntity> users = em.createQuery("SELECT u FROM UserEntity u WHERE u.usernameKey = :k", UserEntity.class)
            .setParameter("k", name.toLowerCase(Locale.ROOT)).getResultList();
        return users.isEmpty() ? null : of(em, users.get(0));
    }

    static Candidate byId(EntityManager em, long userId) {
        UserEntity u = em.find(UserEntity.class, userId);
        return u == null ? null : of(em, u);
    }

    private static Candidate of(EntityManager em, UserEntity u) {
        AccountEntity a = em.find(AccountEntity.class, u.getAccountId());
        List<WhitelistEntity> wl = em.createQuery("SELECT w FROM WhitelistEntity w WHERE w.accountId = :id",
            WhitelistEntity.class).setParameter("id", a.getId()).getResultList();
        boolean suspended = false;
        boolean twoFactor = false;
        for (AccountEntity onPath : em.createQuery("SELECT a FROM AccountEntity a WHERE a.id IN :ids",
                AccountEntity.class).setParameter("ids", Scope.idsOnPath(a.getPath())).getResultList()) {
            suspended |= "SUSPENDED".equals(onPath.getStatus());
            twoFactor |= onPath.isRequireTwoFactor();
        }
        return new Candidate(u, a, wl, suspended, twoFactor);
    }
}
