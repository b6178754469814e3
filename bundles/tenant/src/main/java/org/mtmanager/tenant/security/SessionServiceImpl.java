package org.mtmanager.tenant.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.Credential;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Role;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.audit.Outcome;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.api.user.CreatedSession;
import org.mtmanager.api.user.Session;
import org.mtmanager.api.user.SessionService;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.SessionEntity;
import org.mtmanager.store.entity.SettingEntity;
import org.mtmanager.store.entity.UserEntity;
import org.mtmanager.tenant.security.Candidates.Candidate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Sessions keyed by {@code mts_<id>_<random>} (see {@link BearerKeys}). The CSRF token
 * is derived from the key, so nothing but the key has to be kept by the client, and it is worthless without the
 * HttpOnly cookie that carries the key. The last use is written at most every {@link #SEEN_RECORDING}, which is
 * also the precision of the idle limit.
 */
@Component(service = SessionService.class)
public class SessionServiceImpl implements SessionService {
    public static final String PREFIX = "mts_";
    static final String IDLE_SETTING = "portal.session-idle-minutes";
    static final Duration SEEN_RECORDING = Duration.ofSeconds(15);
    private static final String ENDED = "the session has ended: log in again";

    private final Store store;
    private final AuditLog audit;
    private final AuthService auth;
    private final SecurityPolicy policy;
    private final Clock clock;

    @Activate
    public SessionServiceImpl(@Reference Store store, @Reference AuditLog audit, @Reference AuthService auth,
                              @Reference SecurityPolicy policy) {
        this(store, audit, auth, policy, Clock.systemUTC());
    }

    public SessionServiceImpl(Store store, AuditLog audit, AuthService auth, SecurityPolicy policy, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.auth = auth;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public CreatedSession login(String username, String password, String otp, String sourceIp, String userAgent,
                                Channel channel) {
        Caller user = auth.authenticateOnce(username, password, otp, sourceIp, channel);
        String secret = BearerKeys.newSecret();
        Instant now = clock.instant();
        return store.write(em -> {
            SessionEntity s = new SessionEntity();
            s.setUserId(user.userId());
            s.setSecretHash(BearerKeys.sha256(secret));
            s.setChannel(channel.name());
            s.setSourceIp(user.sourceIp());
            s.setUserAgent(userAgent); // the store keeps the start of a longer one
            s.setCreatedAt(now);
            s.setLastSeenAt(now);
            s.setExpiresAt(now.plus(policy.sessionMaxAge()));
            em.persist(s);
            em.flush();
            Caller caller = user.with(Credential.session(s.getId(), user.credential().enrolmentOnly()));
            audit.append(em, caller, AuditEvent.success("session.open", "session", s.getId(), user.accountId(),
                "from " + user.sourceIp()));
            String key = PREFIX + s.getId() + "_" + secret;
            return new CreatedSession(view(s, s.getId()), key, csrfToken(key), idle(em).toSeconds(), caller);
        });
    }

    private record Found(SessionEntity session, Candidate user, Duration idle) {
    }

    @Override
    public Caller authenticate(String key, String sourceIp, Channel channel) {
        long id = BearerKeys.idOf(PREFIX, key);
        String name = "session:" + Math.max(id, 0);
        policy.checkAuthFailures(sourceIp, name);
        Found f = id < 0 ? null : store.read(em -> {
            SessionEntity s = em.find(SessionEntity.class, id);
            Candidate c = s == null ? null : Candidates.byId(em, s.getUserId());
            return c == null ? null : new Found(s, c, idle(em));
        });
        if (f == null || !BearerKeys.matches(PREFIX, key, f.session().getSecretHash())) {
            policy.authFailed(sourceIp, name, channel);
            throw new MtmException(ErrorCode.UNAUTHENTICATED, "unknown session: log in again");
        }
        SessionEntity s = f.session();
        Candidate c = f.user();
        UserEntity u = c.user();
        Caller caller = new Caller(u.getId(), u.getUsername(), c.account().getId(), c.account().getPath(),
            Role.valueOf(u.getRole()), sourceIp, channel, Credential.session(id, c.enrolmentOnly()));
        Instant now = clock.instant();
        String ending = s.getEndedAt() != null ? null
            : !now.isBefore(s.getExpiresAt()) ? "expired"
            : !now.isBefore(s.getLastSeenAt().plus(f.idle())) ? "idle" : null;
        if (ending != null) {
            end(caller, id, ending);
        }
        if (s.getEndedAt() != null || ending != null) {
            throw new MtmException(ErrorCode.UNAUTHENTICATED, ENDED);
        }
        c.requireAllowed(audit, caller, "session", id);
        if (u.getLockedUntil() != null && now.isBefore(u.getLockedUntil()) || c.suspended()) {
            throw new MtmException(ErrorCode.UNAUTHENTICATED, "the user is locked or the account suspended");
        }
        if (!now.isBefore(s.getLastSeenAt().plus(SEEN_RECORDING))) {
            store.writing(em -> em.find(SessionEntity.class, id).setLastSeenAt(now));
        }
        return caller;
    }

    @Override
    public long idleTimeoutSeconds() {
        return store.read(SessionServiceImpl::idle).toSeconds();
    }

    @Override
    public String csrfToken(String key) {
        return BearerKeys.sha256("csrf:" + key).substring(0, 40);
    }

    @Override
    public List<Session> list(Caller caller) {
        Instant now = clock.instant();
        return store.read(em -> {
            Duration idle = idle(em);
            return em.createQuery("SELECT s FROM SessionEntity s WHERE s.userId = :u AND s.endedAt IS NULL "
                    + "ORDER BY s.id DESC", SessionEntity.class).setParameter("u", caller.userId()).getResultList()
                .stream().filter(s -> now.isBefore(s.getExpiresAt()) && now.isBefore(s.getLastSeenAt().plus(idle)))
                .map(s -> view(s, caller.sessionId())).toList();
        });
    }

    @Override
    public Session revoke(Caller caller, long id) {
        return audit.attempt(caller, "session.revoke", "session", id, () -> store.write(em -> {
            SessionEntity s = em.find(SessionEntity.class, id);
            if (s == null || s.getUserId() != caller.userId()) {
                throw MtmException.notFound("session", id);
            }
            endIn(em, caller, s, "revoked");
            return view(s, caller.sessionId());
        }));
    }

    @Override
    public void logout(Caller caller) {
        if (caller.sessionId() != 0) {
            end(caller, caller.sessionId(), "logout");
        }
    }

    private void end(Caller caller, long id, String reason) {
        store.writing(em -> endIn(em, caller, em.find(SessionEntity.class, id), reason));
    }

    private void endIn(EntityManager em, Caller caller, SessionEntity s, String reason) {
        if (s.getEndedAt() == null) {
            s.setEndedAt(clock.instant());
            s.setEndReason(reason);
            audit.append(em, caller, new AuditEvent("session." + reason, "session", String.valueOf(s.getId()),
                caller.accountId(), Outcome.SUCCESS, null));
        }
    }

    private static Duration idle(EntityManager em) {
        SettingEntity s = em.find(SettingEntity.class, IDLE_SETTING);
        long minutes = s == null || s.getValue() == null ? 30 : Long.parseLong(s.getValue());
        return Duration.ofMinutes(Math.max(1, minutes));
    }

    static Session view(SessionEntity s, long currentId) {
        return new Session(s.getId(), s.getUserId(), s.getChannel().toLowerCase(Locale.ROOT), s.getSourceIp(),
            s.getUserAgent(), s.getCreatedAt(), s.getLastSeenAt(), s.getExpiresAt(), s.getEndedAt(), s.getEndReason(),
            s.getId() == currentId);
    }
}
