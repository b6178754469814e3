package org.mtmanager.platform.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.audit.Outcome;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.store.ColumnFit;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.AuditEntity;
import org.mtmanager.store.entity.AuditHeadEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Appends to the hash-chained audit log. A successful change is appended inside the change's own transaction
 * (so the two commit or fail together); a refused or failed attempt is appended in a transaction of its own,
 * since the attempt itself changed nothing. Appends on every node follow each other through the lock on the chain's
 * head row ({@link #lockHead}), held until the appending transaction ends, which keeps the chain in commit order.
 */
@Component(service = AuditLog.class)
public class AuditLog {
    private final Store store;
    private final Clock clock;

    @Activate
    public AuditLog(@Reference Store store) {
        this(store, Clock.systemUTC());
    }

    public AuditLog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Appends inside the caller's current write transaction. */
    public void append(EntityManager em, Caller caller, AuditEvent event) {
        appendAll(em, caller, List.of(event));
    }

    /**
     * Appends several entries, in order, inside the caller's current write transaction: one read of the chain's head
     * for all of them, which keeps a change of thousands of items (an import) to one query.
     */
    public void appendAll(EntityManager em, Caller caller, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (AuditEvent event : events) {
            if (event.outcome() == Outcome.SUCCESS) {
                Scope.requireTokenAllows(caller, event.action());
            }
        }
        AuditHeadEntity head = lockHead(em);
        long seq = head.getSeq();
        String prevHash = head.getLastHash();
        for (AuditEvent event : events) {
            AuditEntity e = new AuditEntity();
            e.setSeq(++seq);
            e.setPrevHash(prevHash);
            e.setTime(clock.instant().truncatedTo(ChronoUnit.MILLIS));
            e.setActor(caller.actor());
            e.setActorAccountId(caller.accountId());
            e.setSourceIp(caller.sourceIp());
            e.setChannel(caller.channel().name());
            e.setAction(event.action());
            e.setTargetType(event.targetType());
            e.setTargetId(event.targetId());
            e.setAccountId(event.accountId());
            e.setScopePath(scopeOf(em, event.accountId(), caller));
            e.setOutcome(event.outcome().name());
            e.setDetail(event.detail());
            // Whatever a client sent, the entry must fit its columns (a refusal is recorded even for absurd input),
            // and the hash must cover what is stored.
            e.setHash(AuditChain.hash(ColumnFit.fit(e)));
            em.persist(e);
            prevHash = e.getHash();
        }
        head.setSeq(seq);
        head.setLastHash(prevHash);
    }

    /**
     * Takes the chain's head lock now, for a unit that will append and first chooses free values (a port, an
     * internal address): units on all nodes that do so then follow each other, so they do not all choose the same
     * lowest free value and run again in turn. The unique keys still guard the values; this only spares retries.
     */
    public void lockChain(EntityManager em) {
        lockHead(em);
    }

    /**
     * Locks the chain's head row for the rest of the transaction and reads it: an appender on any node waits here
     * until the one before it has committed, then reads the head that one left. This unit's own changes are
     * flushed first, so that while it holds the head it takes no further row lock another appender could be
     * holding while it waits (no deadlock through the head). A database without the row yet (one made before the
     * head existed) gets it from its last entry; two nodes doing that at once collide on its primary key, and the
     * store runs the loser again.
     */
    static AuditHeadEntity lockHead(EntityManager em) {
        em.flush();
        int locked = em.createNativeQuery("UPDATE MTM_AUDIT_HEAD SET SEQ = SEQ WHERE ID = ?1")
            .setParameter(1, AuditHeadEntity.ID).executeUpdate();
        if (locked == 1) {
            return em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
        }
        List<AuditEntity> found = em.createQuery(
                "SELECT a FROM AuditEntity a WHERE a.seq = (SELECT MAX(b.seq) FROM AuditEntity b)", AuditEntity.class)
            .getResultList();
        AuditHeadEntity head = new AuditHeadEntity();
        head.setId(AuditHeadEntity.ID);
        head.setSeq(found.isEmpty() ? 0 : found.get(0).getSeq());
        head.setLastHash(found.isEmpty() ? AuditChain.GENESIS : found.get(0).getHash());
        em.persist(head);
        em.flush();
        return head;
    }

    /** Appends in a transaction of its own (refusals, failures, logins). */
    public void record(Caller caller, AuditEvent event) {
        store.writing(em -> append(em, caller, event));
    }

    /**
     * Runs a change; if it is refused or fails, records the attempt against the caller's own account (the target
     * may be outside the caller's scope, and its owner must not learn of it) and rethrows.
     */
    public <T> T attempt(Caller caller, String action, String targetType, Object targetId, Supplier<T> change) {
        try {
            return change.get();
        } catch (MtmException e) {
            record(caller, new AuditEvent(action, targetType, targetId == null ? null : String.valueOf(targetId),
                caller.accountId(), outcomeOf(e.code()), e.code() + ": " + e.getMessage()));
            throw e;
        }
    }

    public void attempting(Caller caller, String action, String targetType, Object targetId, Runnable change) {
        attempt(caller, action, targetType, targetId, () -> {
            change.run();
            return null;
        });
    }

    static Outcome outcomeOf(ErrorCode code) {
        return switch (code) {
            case FORBIDDEN, IP_NOT_ALLOWED, SETTING_LOCKED, NOT_FOUND, UNAUTHENTICATED, TOO_MANY_REQUESTS -> Outcome.DENIED;
            default -> Outcome.FAILED;
        };
    }

    private static String scopeOf(EntityManager em, long accountId, Caller caller) {
        if (accountId == caller.accountId()) {
            return caller.accountPath();
        }
        AccountEntity a = accountId == 0 ? null : em.find(AccountEntity.class, accountId);
        return a == null ? "" : a.getPath();
    }
}
