package org.mtmanager.tenant.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.persistence.LockModeType;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.TokenScope;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.user.ApiToken;
import org.mtmanager.api.user.CreatedToken;
import org.mtmanager.api.user.TokenDraft;
import org.mtmanager.api.user.TokenService;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Reauthentication;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Cidr;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.ApiTokenEntity;
import org.mtmanager.store.entity.UserEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** API tokens: {@code mtm_<id>_<random>} (see {@link BearerKeys}). */
@Component(service = TokenService.class)
public class TokenServiceImpl implements TokenService {
    public static final String PREFIX = "mtm_";
    public static final int MAX_CIDRS = 20;
    public static final int MAX_TOKENS = 50;

    private final Store store;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public TokenServiceImpl(@Reference Store store, @Reference AuditLog audit) {
        this(store, audit, Clock.systemUTC());
    }

    public TokenServiceImpl(Store store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public CreatedToken create(Caller caller, TokenDraft draft) {
        Objects.requireNonNull(draft, "draft");
        String name = Fields.text(TokenDraft.NAME, draft.name());
        TokenScope scope = TokenScope.fromWire(draft.scope() == null ? "" : draft.scope()).orElseThrow(
            () -> MtmException.invalid("scope", "must be one of " + TokenScope.wireNames()));
        List<String> cidrs = new ArrayList<>();
        List<String> given = draft.cidrs() == null ? List.of() : draft.cidrs();
        if (given.size() > MAX_CIDRS) {
            throw MtmException.invalid("cidrs", "must hold at most " + MAX_CIDRS + " entries");
        }
        for (int i = 0; i < given.size(); i++) {
            cidrs.add(Cidr.parse("cidrs[" + i + "]", given.get(i)).toString());
        }
        Instant now = clock.instant();
        if (Fields.instant("expiresAt", draft.expiresAt()) != null && !draft.expiresAt().isAfter(now)) {
            throw MtmException.invalid("expiresAt", "must be in the future");
        }
        return audit.attempt(caller, "token.create", "token", name, () -> {
            if (caller.userId() == 0) {
                throw MtmException.forbidden("the platform itself has no tokens; log in as a user");
            }
            if (caller.tokenId() != 0) {
                throw MtmException.forbidden("a token cannot create tokens; log in with the password");
            }
            Reauthentication.require(caller, "creating an API token");
            if (scope != TokenScope.READ && !caller.role().canWrite()) {
                throw MtmException.invalid("scope", "must be read: role " + caller.role().wireName()
                    + " is read-only, and a token never has more rights than its user");
            }
            String secretPart = BearerKeys.newSecret();
            return store.write(em -> {
                UserEntity u = Scope.visibleUser(em, caller, caller.userId());
                // The limit holds across nodes: concurrent creations raise the user's version, and the later ones
                // run again and count the earlier.
                em.lock(u, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                long count = em.createQuery("SELECT COUNT(t) FROM ApiTokenEntity t WHERE t.userId = :u "
                    + "AND t.revokedAt IS NULL", Long.class).setParameter("u", u.getId()).getSingleResult();
                if (count >= MAX_TOKENS) {
                    throw new MtmException(ErrorCode.RULE_VIOLATION, "name",
                        "a user holds at most " + MAX_TOKENS + " live tokens; revoke one first");
                }
                ApiTokenEntity t = new ApiTokenEntity();
                t.setUserId(u.getId());
                t.setName(name);
                t.setScope(scope.wireName());
                t.setCidrs(String.join(" ", cidrs));
                t.setSecretHash(BearerKeys.sha256(secretPart));
                t.setCreatedAt(now);
                t.setExpiresAt(draft.expiresAt());
                em.persist(t);
                em.flush();
                audit.append(em, caller, AuditEvent.success("token.create", "token", t.getId(), u.getAccountId(),
                    name + ", " + scope.wireName() + (cidrs.isEmpty() ? "" : ", from " + cidrs)
                        + (t.getExpiresAt() == null ? "" : ", until " + t.getExpiresAt())));
                return new CreatedToken(view(t), PREFIX + t.getId() + "_" + secretPart);
            });
        });
    }

    @Override
    public List<ApiToken> list(Caller caller) {
        return store.read(em -> em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.userId = :u ORDER BY t.id",
            ApiTokenEntity.class).setParameter("u", caller.userId()).getResultList().stream()
            .map(TokenServiceImpl::view).toList());
    }

    @Override
    public ApiToken revoke(Caller caller, long id) {
        return audit.attempt(caller, "token.revoke", "token", id, () -> store.write(em -> {
            ApiTokenEntity t = em.find(ApiTokenEntity.class, id);
            if (t == null || t.getUserId() != caller.userId()) {
                throw MtmException.notFound("token", id);
            }
            if (t.getRevokedAt() == null) {
                t.setRevokedAt(clock.instant());
                UserEntity u = em.find(UserEntity.class, t.getUserId());
                audit.append(em, caller, AuditEvent.success("token.revoke", "token", id, u.getAccountId(), t.getName()));
            }
            return view(t);
        }));
    }

    static ApiToken view(ApiTokenEntity t) {
        List<String> cidrs = t.getCidrs() == null || t.getCidrs().isBlank() ? List.of()
            : Arrays.asList(t.getCidrs().split(" "));
        return new ApiToken(t.getId(), t.getUserId(), t.getName(), t.getScope(), cidrs, t.getCreatedAt(),
            t.getExpiresAt(), t.getRevokedAt(), t.getLastUsedAt(), t.getLastUsedIp());
    }
}
