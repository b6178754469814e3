package org.mtmanager.tenant.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.audit.AuditEntry;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.api.audit.AuditService;
import org.mtmanager.api.audit.ChainVerification;
import org.mtmanager.api.audit.Outcome;
import org.mtmanager.platform.audit.AuditChain;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.platform.util.Paging;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.AuditEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reads the audit log within the caller's subtree, exports it, and verifies the chain. */
@Component(service = AuditService.class)
public class AuditServiceImpl implements AuditService {
    private static final int BATCH = 2000;
    private static final int EXPORT_MAX = 1_000_000;

    private final Store store;

    @Activate
    public AuditServiceImpl(@Reference Store store) {
        this.store = store;
    }

    @Override
    public Page<AuditEntry> list(Caller caller, AuditQuery query, PageRequest page) {
        Filter f = new Filter(caller, query == null ? AuditQuery.ALL : query);
        return store.read(em -> {
            f.requireKnownAccount(em);
            TypedQuery<Long> count = f.bind(em.createQuery("SELECT COUNT(a.seq) FROM AuditEntity a" + f.where, Long.class));
            Paging.Slice seqs = Paging.slice(f.bind(em.createQuery("SELECT a.seq FROM AuditEntity a" + f.where
                + Paging.afterCursor(page, "a.seq", true) + " ORDER BY a.seq DESC", Long.class)), page);
            List<AuditEntry> items = Paging.byIds(em, AuditEntity.class, "seq", AuditEntity::getSeq, seqs.ids()).stream().map(AuditServiceImpl::view).toList();
            return new Page<>(items, page.offset(), page.limit(), count.getSingleResult(), seqs.next());
        });
    }

    @Override
    public ChainVerification verify(Caller caller) {
        Scope.requirePlatformAdmin(caller);
        String prev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            final long from = expectedSeq;
            List<AuditEntity> batch = store.read(em -> em.createQuery(
                    "SELECT a FROM AuditEntity a WHERE a.seq >= :from ORDER BY a.seq", AuditEntity.class)
                .setParameter("from", from).setMaxResults(BATCH).getResultList());
            for (AuditEntity e : batch) {
                checked++;
                if (e.getSeq() != expectedSeq) {
                    return new ChainVerification(false, checked, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!e.getPrevHash().equals(prev)) {
                    return new ChainVerification(false, checked, e.getSeq(), "entry " + e.getSeq()
                        + " does not follow the hash of entry " + (e.getSeq() - 1));
                }
                if (!AuditChain.hash(e).equals(e.getHash())) {
                    return new ChainVerification(false, checked, e.getSeq(), "entry " + e.getSeq()
                        + " was altered: its content does not match its hash");
                }
                prev = e.getHash();
                expectedSeq++;
            }
            if (batch.size() < BATCH) {
                return new ChainVerification(true, checked, 0, checked + " entries verified; the chain is intact");
            }
        }
    }

    @Override
    public String exportCsv(Caller caller, AuditQuery query) {
        Filter f = new Filter(caller, query == null ? AuditQuery.ALL : query);
        StringBuilder sb = new StringBuilder(
            "seq,time,actor,actorAccountId,sourceIp,channel,action,targetType,targetId,accountId,outcome,detail,prevHash,hash\n");
        store.read(em -> {
            f.requireKnownAccount(em);
            List<AuditEntity> rows = f.bind(em.createQuery("SELECT a FROM AuditEntity a" + f.where + " ORDER BY a.seq",
                AuditEntity.class)).setMaxResults(EXPORT_MAX).getResultList();
            for (AuditEntity a : rows) {
                AuditEntry e = view(a);
                sb.append(e.seq()).append(',').append(e.time()).append(',').append(csv(e.actor())).append(',')
                    .append(e.actorAccountId()).append(',').append(csv(e.sourceIp())).append(',').append(e.channel())
                    .append(',').append(csv(e.action())).append(',').append(csv(e.targetType())).append(',')
                    .append(csv(e.targetId())).append(',').append(e.accountId()).append(',').append(e.outcome())
                    .append(',').append(csv(e.detail())).append(',').append(e.prevHash()).append(',').append(e.hash())
                    .append('\n');
            }
            return null;
        });
        return sb.toString();
    }

    /** CSV-quotes a field, and defuses spreadsheet formulas. */
    static String csv(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(s)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    static AuditEntry view(AuditEntity a) {
        return new AuditEntry(a.getSeq(), a.getTime(), a.getActor(), a.getActorAccountId(), a.getSourceIp(),
            a.getChannel() == null ? null : Channel.valueOf(a.getChannel()), a.getAction(), a.getTargetType(),
            a.getTargetId(), a.getAccountId(), Outcome.valueOf(a.getOutcome()), a.getDetail(), a.getPrevHash(), a.getHash());
    }

    /** The caller's scope plus the query's filters, as JPQL. */
    private static final class Filter {
        final String where;
        private final List<Object[]> params = new ArrayList<>();
        private final Caller caller;
        private final Long accountId;

        Filter(Caller caller, AuditQuery q) {
            this.caller = caller;
            this.accountId = q.accountId();
            StringBuilder w = new StringBuilder(" WHERE 1 = 1");
            if (!caller.isPlatformAdmin()) {
                w.append(" AND a.scopePath LIKE :scope");
                params.add(new Object[] {"scope", caller.accountPath() + "%"});
            }
            if (q.actor() != null && !q.actor().isBlank()) {
                w.append(" AND a.actor = :actor");
                params.add(new Object[] {"actor", q.actor().strip()});
            }
            if (q.action() != null && !q.action().isBlank()) {
                w.append(" AND a.action LIKE :action");
                params.add(new Object[] {"action", q.action().strip().replace("*", "%")});
            }
            if (q.accountId() != null) {
                w.append(" AND a.accountId = :acc");
                params.add(new Object[] {"acc", q.accountId()});
            }
            if (q.outcome() != null && !q.outcome().isBlank()) {
                try {
                    params.add(new Object[] {"outcome", Outcome.valueOf(q.outcome().strip().toUpperCase(Locale.ROOT)).name()});
                } catch (IllegalArgumentException e) {
                    throw MtmException.invalid("outcome", "must be SUCCESS, DENIED or FAILED");
                }
                w.append(" AND a.outcome = :outcome");
            }
            if (q.from() != null) {
                w.append(" AND a.time >= :from");
                params.add(new Object[] {"from", Timestamp.from(Fields.instant("from", q.from()))});
            }
            if (q.to() != null) {
                w.append(" AND a.time < :to");
                params.add(new Object[] {"to", Timestamp.from(Fields.instant("to", q.to()))});
            }
            where = w.toString();
        }

        /**
         * The same rule as every other filter by id: an account outside the caller's subtree is NOT_FOUND, not an
         * empty page. A deleted account keeps its history, so its id is known while an entry the caller sees names it.
         */
        void requireKnownAccount(EntityManager em) {
            if (accountId == null) {
                return;
            }
            if (em.find(AccountEntity.class, accountId) != null) {
                Scope.visibleAccount(em, caller, accountId);
                return;
            }
            TypedQuery<Long> named = em.createQuery("SELECT COUNT(a.seq) FROM AuditEntity a WHERE a.accountId = :acc"
                + (caller.isPlatformAdmin() ? "" : " AND a.scopePath LIKE :scope"), Long.class).setParameter("acc", accountId);
            if (!caller.isPlatformAdmin()) {
                named.setParameter("scope", caller.accountPath() + "%");
            }
            if (named.getSingleResult() == 0) {
                throw MtmException.notFound("account", accountId);
            }
        }

        <T extends TypedQuery<?>> T bind(T query) {
            for (Object[] p : params) {
                query.setParameter((String) p[0], p[1]);
            }
            return query;
        }
    }
}
