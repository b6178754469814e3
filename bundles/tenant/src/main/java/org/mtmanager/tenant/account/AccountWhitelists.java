package org.mtmanager.tenant.account;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Cidr;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.WhitelistEntity;

/**
 * An account's API whitelist (of {@link AccountServiceImpl}): at most {@value #WHITELIST_MAX} blocks, each change
 * audited, and never one that would lock its own editor out of the API.
 */
final class AccountWhitelists {
    static final int WHITELIST_MAX = 200;

    private final Store store;
    private final AuditLog audit;

    AccountWhitelists(Store store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    List<WhitelistEntry> list(Caller caller, long accountId) {
        return store.read(em -> {
            Scope.visibleAccount(em, caller, accountId);
            return entries(em, accountId);
        });
    }

    List<WhitelistEntry> replace(Caller caller, long accountId, List<WhitelistEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        if (entries.size() > WHITELIST_MAX) {
            throw MtmException.invalid("entries", "must hold at most " + WHITELIST_MAX + " entries");
        }
        List<WhitelistEntity> clean = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            WhitelistEntry e = entries.get(i);
            if (e == null) {
                throw MtmException.invalid("entries[" + i + "]", "is required");
            }
            clean.add(entity(accountId, "entries[" + i + "].", e));
        }
        return audit.attempt(caller, "whitelist.replace", "account", accountId, () -> store.write(em -> {
            Scope.requireWriter(caller);
            Scope.visibleAccount(em, caller, accountId);
            requireNotLockingOut(caller, accountId, clean);
            em.createQuery("DELETE FROM WhitelistEntity w WHERE w.accountId = :id").setParameter("id", accountId)
                .executeUpdate();
            EntityChanges.touched(WhitelistEntity.class);
            Set<String> seen = new HashSet<>();
            for (WhitelistEntity w : clean) {
                if (seen.add(w.getCidr())) {
                    em.persist(w);
                }
            }
            em.flush();
            List<WhitelistEntry> result = entries(em, accountId);
            audit.append(em, caller, AuditEvent.success("whitelist.replace", "account", accountId, accountId,
                result.stream().map(WhitelistEntry::cidr).toList().toString()));
            return result;
        }));
    }

    List<WhitelistEntry> add(Caller caller, long accountId, WhitelistEntry entry) {
        if (entry == null) {
            throw MtmException.invalid("cidr", "is required");
        }
        WhitelistEntity w = entity(accountId, "", entry);
        return audit.attempt(caller, "whitelist.add", "account", accountId, () -> store.write(em -> {
            Scope.requireWriter(caller);
            Scope.visibleAccount(em, caller, accountId);
            List<WhitelistEntry> current = entries(em, accountId);
            if (current.stream().anyMatch(e -> e.cidr().equals(w.getCidr()))) {
                throw MtmException.conflict("cidr", "cidr: " + w.getCidr() + " is already on the whitelist");
            }
            if (current.size() >= WHITELIST_MAX) {
                throw new MtmException(ErrorCode.RULE_VIOLATION, "cidr", "the whitelist already holds " + WHITELIST_MAX + " entries");
            }
            if (current.isEmpty()) {
                requireNotLockingOut(caller, accountId, List.of(w));
            }
            em.persist(w);
            em.flush();
            audit.append(em, caller, AuditEvent.success("whitelist.add", "account", accountId, accountId, w.getCidr()));
            return entries(em, accountId);
        }));
    }

    List<WhitelistEntry> remove(Caller caller, long accountId, String cidr) {
        String canonical = Cidr.parse("cidr", cidr).toString();
        return audit.attempt(caller, "whitelist.remove", "account", accountId, () -> store.write(em -> {
            Scope.requireWriter(caller);
            Scope.visibleAccount(em, caller, accountId);
            List<WhitelistEntity> rows = em.createQuery(
                    "SELECT w FROM WhitelistEntity w WHERE w.accountId = :id", WhitelistEntity.class)
                .setParameter("id", accountId).getResultList();
            WhitelistEntity target = rows.stream().filter(w -> w.getCidr().equals(canonical)).findFirst()
                .orElseThrow(() -> new MtmException(ErrorCode.NOT_FOUND, "cidr", "cidr: " + canonical + " is not on the whitelist"));
            List<WhitelistEntity> rest = new ArrayList<>(rows);
            rest.remove(target);
            if (!rest.isEmpty()) {
                requireNotLockingOut(caller, accountId, rest);
            }
            em.remove(target);
            em.flush();
            audit.append(em, caller, AuditEvent.success("whitelist.remove", "account", accountId, accountId, canonical));
            return entries(em, accountId);
        }));
    }

    /** A user must not cut itself off the API by editing its own account's list from an address it excludes. */
    private static void requireNotLockingOut(Caller caller, long accountId, List<WhitelistEntity> next) {
        boolean remote = caller.channel() == Channel.REST || caller.channel() == Channel.SOAP
            || caller.channel() == Channel.PORTAL;
        if (caller.accountId() != accountId || !remote || next.isEmpty() || Cidr.literal(caller.sourceIp()) == null) {
            return;
        }
        boolean allowed = next.stream().anyMatch(w -> Cidr.parse("cidr", w.getCidr()).contains(caller.sourceIp()));
        if (!allowed) {
            throw new MtmException(ErrorCode.RULE_VIOLATION, "cidr", "cidr: the whitelist would lock you out: your address "
                + caller.sourceIp() + " is not on it");
        }
    }

    private static WhitelistEntity entity(long accountId, String prefix, WhitelistEntry e) {
        WhitelistEntity w = new WhitelistEntity();
        w.setAccountId(accountId);
        w.setCidr(Cidr.parse(prefix + "cidr", e.cidr()).toString());
        w.setDescription(Fields.text(WhitelistEntry.DESCRIPTION.named(prefix + "description"), e.description()));
        return w;
    }

    private static List<WhitelistEntry> entries(EntityManager em, long accountId) {
        return em.createQuery("SELECT w FROM WhitelistEntity w WHERE w.accountId = :id ORDER BY w.id", WhitelistEntity.class)
            .setParameter("id", accountId).getResultList().stream().map(Views::whitelist).toList();
    }

}
