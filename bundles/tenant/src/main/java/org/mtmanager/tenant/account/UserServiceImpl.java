package org.mtmanager.tenant.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.user.User;
import org.mtmanager.api.user.UserDraft;
import org.mtmanager.api.user.UserService;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Reauthentication;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.UserEntity;
import org.mtmanager.tenant.security.SecurityPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Users of the caller's subtree: roles that fit their account, unique names, the password policy. */
@Component(service = UserService.class)
public class UserServiceImpl implements UserService {
    private final Store store;
    private final AuditLog audit;
    private final SecurityPolicy policy;
    private final Clock clock;

    @Activate
    public UserServiceImpl(@Reference Store store, @Reference AuditLog audit, @Reference SecurityPolicy policy) {
        this(store, audit, policy, Clock.systemUTC());
    }

    public UserServiceImpl(Store store, AuditLog audit, SecurityPolicy policy, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public User create(Caller caller, UserDraft draft) {
        Objects.requireNonNull(draft, "draft");
        String username = Fields.username("username", draft.username());
        Role role = Role.fromWire(draft.role()).orElseThrow(
            () -> MtmException.invalid("role", "must be one of " + Role.wireNames()));
        policy.checkPassword("password", draft.password(), username);
        String fullName = Fields.text(UserDraft.FULL_NAME, draft.fullName());
        String email = Fields.text(UserDraft.EMAIL, draft.email());
        return audit.attempt(caller, "user.create", "user", username, () -> {
            // Checked before the slow hash, so a refused request costs nothing.
            long accountId = draft.accountId() == null ? caller.accountId() : draft.accountId();
            store.read(em -> checkCreate(em, caller, accountId, role, username));
            String hash = policy.hasher().hash(draft.password());
            return store.write(em -> {
                AccountEntity account = checkCreate(em, caller, accountId, role, username);
                Instant now = clock.instant();
                UserEntity u = new UserEntity();
                u.setAccountId(account.getId());
                u.setUsername(username);
                u.setUsernameKey(username.toLowerCase(Locale.ROOT));
                u.setRole(role.name());
                u.setFullName(fullName);
                u.setEmail(email);
                u.setPasswordHash(hash);
                u.setCreatedAt(now);
                u.setPasswordChangedAt(now);
                em.persist(u);
                em.flush();
                audit.append(em, caller, AuditEvent.success("user.create", "user", u.getId(), account.getId(),
                    username + " as " + role.wireName()));
                return Views.user(u);
            });
        });
    }

    private static AccountEntity checkCreate(EntityManager em, Caller caller, long accountId, Role role,
                                             String username) {
        Scope.requireWriter(caller);
        AccountEntity account = Scope.visibleAccount(em, caller, accountId);
        AccountType type = AccountType.valueOf(account.getType());
        if (!role.fits(type)) {
            throw new MtmException(ErrorCode.RULE_VIOLATION, "role", "role: " + role.wireName() + " does not fit "
                + AccountServiceImpl.article(type.wireName()) + " account");
        }
        long taken = em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.usernameKey = :k", Long.class)
            .setParameter("k", username.toLowerCase(Locale.ROOT)).getSingleResult();
        if (taken > 0) {
            throw MtmException.conflict("username", "username: '" + username + "' is taken");
        }
        return account;
    }

    @Override
    public User get(Caller caller, long id) {
        return store.read(em -> Views.user(Scope.visibleUser(em, caller, id)));
    }

    @Override
    public User find(Caller caller, String idOrUsername) {
        String key = Fields.required("user", idOrUsername);
        if (key.matches("\\d{1,18}")) {
            return get(caller, Long.parseLong(key));
        }
        return store.read(em -> {
            List<UserEntity> found = em.createQuery("SELECT u FROM UserEntity u WHERE u.usernameKey = :k", UserEntity.class)
                .setParameter("k", key.toLowerCase(Locale.ROOT)).getResultList();
            if (found.isEmpty()) {
                throw MtmException.notFound("user", key);
            }
            return Views.user(Scope.visibleUser(em, caller, found.get(0).getId()));
        });
    }

    @Override
    public Page<User> list(Caller caller, Long accountId, PageRequest page) {
        return store.read(em -> {
            String where = " FROM UserEntity u, AccountEntity a WHERE u.accountId = a.id AND a.path LIKE :p"
                + (accountId == null ? "" : " AND u.accountId = :acc");
            if (accountId != null) {
                Scope.visibleAccount(em, caller, accountId);
            }
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(u)" + where, Long.class);
            TypedQuery<UserEntity> items = em.createQuery("SELECT u" + where + " ORDER BY u.id", UserEntity.class);
            for (TypedQuery<?> q : List.of(count, items)) {
                q.setParameter("p", caller.accountPath() + "%");
                if (accountId != null) {
                    q.setParameter("acc", accountId);
                }
            }
            List<User> users = items.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
                .map(Views::user).toList();
            return new Page<>(users, page.offset(), page.limit(), count.getSingleResult());
        });
    }

    @Override
    public void delete(Caller caller, long id) {
        audit.attempting(caller, "user.delete", "user", id, () -> store.writing(em -> {
            Scope.requireWriter(caller);
            UserEntity u = Scope.visibleUser(em, caller, id);
            if (u.getId() == caller.userId()) {
                throw new MtmException(ErrorCode.RULE_VIOLATION, "you cannot delete your own user");
            }
            if (Role.valueOf(u.getRole()) == Role.PLATFORM_ADMIN) {
                long admins = em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.role = :r", Long.class)
                    .setParameter("r", Role.PLATFORM_ADMIN.name()).getSingleResult();
                if (admins <= 1) {
                    throw new MtmException(ErrorCode.RULE_VIOLATION, "the last platform administrator cannot be deleted");
                }
            }
            Reauthentication.require(caller, "deleting a user");
            audit.append(em, caller, AuditEvent.success("user.delete", "user", id, u.getAccountId(), u.getUsername()));
            em.remove(u);
        }));
    }

    @Override
    public void setPassword(Caller caller, long id, String currentPassword, String newPassword) {
        audit.attempting(caller, "user.password", "user", id, () -> {
            UserEntity target = store.read(em -> Scope.visibleUser(em, caller, id));
            boolean self = target.getId() == caller.userId();
            if (self) {
                if (!policy.hasher().verify(currentPassword == null ? "" : currentPassword, target.getPasswordHash())) {
                    throw new MtmException(ErrorCode.FORBIDDEN, "currentPassword", "currentPassword: does not match");
                }
            } else {
                Scope.requireWriter(caller);
            }
            policy.checkPassword("newPassword", newPassword, target.getUsername());
            String hash = policy.hasher().hash(newPassword);
            store.writing(em -> {
                UserEntity u = Scope.visibleUser(em, caller, id);
                u.setPasswordHash(hash);
                u.setPasswordChangedAt(clock.instant());
                u.setFailedAttempts(0);
                u.setLockedUntil(null);
                // whoever knew the old password may hold a session: end them all but the one making the change
                int ended = em.createQuery("UPDATE SessionEntity s SET s.endedAt = :now, s.endReason = 'password' "
                        + "WHERE s.userId = :u AND s.endedAt IS NULL AND s.id <> :current")
                    .setParameter("now", Timestamp.from(clock.instant())).setParameter("u", id)
                    .setParameter("current", caller.sessionId()).executeUpdate();
                audit.append(em, caller, AuditEvent.success("user.password", "user", id, u.getAccountId(),
                    (self ? "changed own password" : "reset the password of " + u.getUsername())
                        + (ended == 0 ? "" : "; ended " + ended + " session(s)")));
            });
        });
    }

    @Override
    public User unlock(Caller caller, long id) {
        return audit.attempt(caller, "user.unlock", "user", id, () -> store.write(em -> {
            Scope.requireWriter(caller);
            UserEntity u = Scope.visibleUser(em, caller, id);
            u.setFailedAttempts(0);
            u.setLockedUntil(null);
            audit.append(em, caller, AuditEvent.success("user.unlock", "user", id, u.getAccountId(), u.getUsername()));
            return Views.user(u);
        }));
    }
}
