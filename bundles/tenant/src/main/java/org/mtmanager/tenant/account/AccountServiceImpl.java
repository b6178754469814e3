package org.mtmanager.tenant.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountChange;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.account.AccountQuery;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.api.account.AccountStatus;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Reauthentication;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.platform.util.Paging;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.tenant.deletion.AccountDeletion;
import org.mtmanager.tenant.deletion.AccountDeletionStep;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The account tree's rules: creation under a visible parent, sibling-unique names, deletion only when empty (see
 * {@link AccountRemoval}), with every installed domain's deletion step ({@link AccountDeletionSteps}).
 */
@Component(service = AccountService.class)
public class AccountServiceImpl implements AccountService {
    static final int NAME_MAX = AccountDraft.NAME.maxLength();

    private final Store store;
    private final AuditLog audit;
    private final Clock clock;
    private final AccountDeletionSteps deletions;
    private final AccountWhitelists whitelists;

    /** @param context the steps an account's deletion needs are those that the framework's installed bundles declare */
    @Activate
    public AccountServiceImpl(@Reference Store store, @Reference AuditLog audit, BundleContext context) {
        this(store, audit, Clock.systemUTC(), AccountDeletionSteps.installed(context));
    }

    /** An account service whose deletions expect no step: those added are run ({@link #addDeletionStep}). */
    public AccountServiceImpl(Store store, AuditLog audit) {
        this(store, audit, Clock.systemUTC());
    }

    public AccountServiceImpl(Store store, AuditLog audit, Clock clock) {
        this(store, audit, clock, AccountDeletionSteps.expecting(Map.of()));
    }

    AccountServiceImpl(Store store, AuditLog audit, Clock clock, AccountDeletionSteps deletions) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.deletions = deletions;
        this.whitelists = new AccountWhitelists(store, audit);
    }

    @Reference(service = AccountDeletion.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void bindDeletionStep(AccountDeletion step, Map<String, Object> properties) {
        deletions.add(step, properties.get(AccountDeletionStep.PROPERTY) instanceof String name ? name : null);
    }

    void unbindDeletionStep(AccountDeletion step) {
        deletions.remove(step);
    }

    /** A domain's step of every account's deletion, as DS binds it (for a service made without DS). */
    public void addDeletionStep(AccountDeletion step, String name) {
        deletions.add(step, name);
    }

    @Deactivate
    void stop() throws Exception {
        deletions.close();
    }

    @Override
    public Account create(Caller caller, AccountDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return audit.attempt(caller, "account.create", "account", draft.name(), () -> store.write(em -> {
            Scope.requireWriter(caller);
            long parentId = draft.parentId() == null ? caller.accountId() : draft.parentId();
            AccountEntity parent = Scope.visibleAccount(em, caller, parentId);
            AccountType type = AccountType.fromWire(draft.type()).orElseThrow(
                () -> MtmException.invalid("type", "must be one of " + AccountType.wireNames()));
            AccountType parentType = AccountType.valueOf(parent.getType());
            if (!parentType.childTypes().contains(type)) {
                throw new MtmException(ErrorCode.RULE_VIOLATION, "type", "type: " + article(parentType.wireName())
                    + " account cannot hold " + article(type.wireName()) + " account");
            }
            if (AccountStatus.valueOf(parent.getStatus()) == AccountStatus.SUSPENDED) {
                throw MtmException.conflict("parentId", "parentId: the parent account is suspended");
            }
            String name = Fields.text(AccountDraft.NAME, draft.name());
            requireUniqueName(em, parent.getId(), name, 0);
            Instant now = clock.instant();
            AccountEntity a = new AccountEntity();
            a.setParentId(parent.getId());
            a.setType(type.name());
            a.setName(name);
            a.setNameKey(name.toLowerCase(Locale.ROOT));
            a.setContactEmail(Fields.text(AccountDraft.CONTACT_EMAIL, draft.contactEmail()));
            a.setStatus(AccountStatus.ACTIVE.name());
            a.setCreatedAt(now);
            a.setUpdatedAt(now);
            em.persist(a);
            em.flush();
            a.setPath(parent.getPath() + a.getId() + "/");
            audit.append(em, caller, AuditEvent.success("account.create", "account", a.getId(), a.getId(),
                type.wireName() + " '" + name + "' under " + parent.getId()));
            return Views.account(a);
        }));
    }

    @Override
    public Account get(Caller caller, long id) {
        return store.read(em -> Views.account(Scope.visibleAccount(em, caller, id)));
    }

    @Override
    public Account find(Caller caller, String idOrName) {
        String key = Fields.required("account", idOrName);
        if (key.matches("\\d{1,18}")) {
            return get(caller, Long.parseLong(key));
        }
        return store.read(em -> {
            List<AccountEntity> found = em.createQuery(
                    "SELECT a FROM AccountEntity a WHERE a.nameKey = :n AND a.path LIKE :p ORDER BY a.id", AccountEntity.class)
                .setParameter("n", key.toLowerCase(Locale.ROOT))
                .setParameter("p", caller.accountPath() + "%")
                .setMaxResults(2).getResultList();
            if (found.isEmpty()) {
                throw MtmException.notFound("account", key);
            }
            if (found.size() > 1) {
                throw MtmException.conflict("account", "account: several accounts are named '" + key + "'; use the id");
            }
            return Views.account(found.get(0));
        });
    }

    @Override
    public Page<Account> list(Caller caller, AccountQuery query, PageRequest page) {
        AccountQuery q = query == null ? AccountQuery.ALL : query;
        AccountType type = q.type() == null || q.type().isBlank() ? null : AccountType.fromWire(q.type()).orElseThrow(
            () -> MtmException.invalid("type", "must be one of " + AccountType.wireNames()));
        String search = q.search() == null || q.search().isBlank() ? null : Fields.name("search", q.search(), NAME_MAX);
        return store.read(em -> {
            // A caller at the root sees every account: no path predicate, so the database pages on its id index.
            boolean root = Scope.idsOnPath(caller.accountPath()).size() == 1;
            StringBuilder where = new StringBuilder(root ? " WHERE 1 = 1" : " WHERE a.path LIKE :p");
            if (q.parentId() != null) {
                Scope.visibleAccount(em, caller, q.parentId());
                where.append(" AND a.parentId = :parent");
            }
            if (type != null) {
                where.append(" AND a.type = :type");
            }
            if (search != null) {
                where.append(" AND a.nameKey LIKE :search ESCAPE '\\'");
            }
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a.id) FROM AccountEntity a" + where, Long.class);
            TypedQuery<Long> ids = em.createQuery("SELECT a.id FROM AccountEntity a" + where + " ORDER BY a.id", Long.class);
            for (TypedQuery<?> tq : List.of(count, ids)) {
                if (!root) {
                    tq.setParameter("p", caller.accountPath() + "%");
                }
                if (q.parentId() != null) {
                    tq.setParameter("parent", q.parentId());
                }
                if (type != null) {
                    tq.setParameter("type", type.name());
                }
                if (search != null) {
                    tq.setParameter("search", "%" + escapeLike(search.toLowerCase(Locale.ROOT)) + "%");
                }
            }
            List<Long> pageIds = ids.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            return new Page<>(Paging.byIds(em, AccountEntity.class, "id", AccountEntity::getId, pageIds).stream().map(Views::account).toList(),
                page.offset(), page.limit(), count.getSingleResult());
        });
    }

    @Override
    public Account update(Caller caller, long id, AccountChange change) {
        Objects.requireNonNull(change, "change");
        return audit.attempt(caller, "account.update", "account", id, () -> store.write(em -> {
            AccountEntity a = Scope.visibleAccount(em, caller, id);
            Scope.requireBelow(caller, a, "rename");
            List<String> changed = new ArrayList<>();
            if (change.name() != null) {
                String name = Fields.text(AccountDraft.NAME, change.name());
                if (!name.equals(a.getName())) {
                    requireUniqueName(em, a.getParentId(), name, a.getId());
                    a.setName(name);
                    a.setNameKey(name.toLowerCase(Locale.ROOT));
                    changed.add("name");
                }
            }
            if (change.contactEmail() != null) {
                a.setContactEmail(Fields.text(AccountChange.CONTACT_EMAIL, change.contactEmail()));
                changed.add("contactEmail");
            }
            a.setUpdatedAt(clock.instant());
            audit.append(em, caller, AuditEvent.success("account.update", "account", id, id, "changed " + changed));
            return Views.account(a);
        }));
    }

    @Override
    public Account suspend(Caller caller, long id) {
        return setStatus(caller, id, AccountStatus.SUSPENDED, "account.suspend");
    }

    @Override
    public Account resume(Caller caller, long id) {
        return setStatus(caller, id, AccountStatus.ACTIVE, "account.resume");
    }

    @Override
    public Account requireTwoFactor(Caller caller, long id, boolean required) {
        return audit.attempt(caller, "account.require-2fa", "account", id, () -> store.write(em -> {
            AccountEntity a = Scope.visibleAccount(em, caller, id);
            Scope.requireWriter(caller);
            a.setRequireTwoFactor(required);
            a.setUpdatedAt(clock.instant());
            audit.append(em, caller, AuditEvent.success("account.require-2fa", "account", id, id,
                a.getName() + (required ? ": two-factor authentication required" : ": two-factor authentication optional")));
            return Views.account(a);
        }));
    }

    private Account setStatus(Caller caller, long id, AccountStatus status, String action) {
        return audit.attempt(caller, action, "account", id, () -> store.write(em -> {
            AccountEntity a = Scope.visibleAccount(em, caller, id);
            Scope.requireBelow(caller, a, "suspend or resume");
            a.setStatus(status.name());
            a.setUpdatedAt(clock.instant());
            audit.append(em, caller, AuditEvent.success(action, "account", id, id, a.getName()));
            return Views.account(a);
        }));
    }

    @Override
    public void delete(Caller caller, long id) {
        audit.attempting(caller, "account.delete", "account", id, () -> store.writing(em -> {
            AccountEntity a = Scope.visibleAccount(em, caller, id);
            Scope.requireBelow(caller, a, "delete");
            List<AccountDeletion> steps = deletions.require(a);
            AccountRemoval.requireEmpty(em, a, steps);
            Reauthentication.require(caller, "deleting an account");
            // The audit entry goes first: it names the account, whose row is about to go.
            audit.append(em, caller, AuditEvent.success("account.delete", "account", id, a.getParentId(),
                a.getType().toLowerCase(Locale.ROOT) + " '" + a.getName() + "'"));
            AccountRemoval.removeOwned(em, a, steps);
            em.remove(a);
        }));
    }

    @Override
    public List<WhitelistEntry> whitelist(Caller caller, long accountId) {
        return whitelists.list(caller, accountId);
    }

    @Override
    public List<WhitelistEntry> replaceWhitelist(Caller caller, long accountId, List<WhitelistEntry> entries) {
        return whitelists.replace(caller, accountId, entries);
    }

    @Override
    public List<WhitelistEntry> addToWhitelist(Caller caller, long accountId, WhitelistEntry entry) {
        return whitelists.add(caller, accountId, entry);
    }

    @Override
    public List<WhitelistEntry> removeFromWhitelist(Caller caller, long accountId, String cidr) {
        return whitelists.remove(caller, accountId, cidr);
    }

    private static void requireUniqueName(EntityManager em, long parentId, String name, long exceptId) {
        long n = em.createQuery("SELECT COUNT(a) FROM AccountEntity a WHERE a.parentId = :p AND a.nameKey = :n AND a.id <> :x",
                Long.class)
            .setParameter("p", parentId).setParameter("n", name.toLowerCase(Locale.ROOT)).setParameter("x", exceptId)
            .getSingleResult();
        if (n > 0) {
            throw MtmException.conflict("name", "name: an account named '" + name + "' already exists here");
        }
    }

    static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
