package org.mtmanager.tenant.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.audit.ChainVerification;
import org.mtmanager.api.audit.Outcome;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.entity.AuditHeadEntity;
import org.mtmanager.tenant.TenantFixture;
import org.mtmanager.tenant.account.AccountServiceImpl;

/**
 * Two nodes (two factories on one database, nothing shared in memory) appending at once, alone and inside changes:
 * the chain has no gap and no fork, and its head row names its last entry.
 */
public class AuditAcrossNodesTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    @Test
    public void concurrentAppendsThroughTwoNodesKeepOneChain() throws Exception {
        JpaStore otherStore = f.otherNode();
        AuditLog otherAudit = new AuditLog(otherStore);
        AccountServiceImpl otherAccounts = new AccountServiceImpl(otherStore, otherAudit);
        long before = f.count("AuditEntity");
        int threads = 8;
        int each = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean first = t % 2 == 0;
            AuditLog audit = first ? f.audit : otherAudit;
            AccountServiceImpl accounts = first ? f.accounts : otherAccounts;
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    if (i % 2 == 0) {
                        audit.record(f.admin, new AuditEvent("test.append", "test", thread + "-" + i, f.admin.accountId(),
                            Outcome.SUCCESS, "alone"));
                    } else {
                        accounts.create(f.admin, new AccountDraft(null, "reseller", "R " + thread + "-" + i, null));
                    }
                }
            }));
        }
        for (Future<?> d : done) {
            d.get();
        }
        pool.shutdown();

        long total = f.count("AuditEntity");
        assertEquals(before + (long) threads * each, total);
        ChainVerification v = f.auditService.verify(f.admin);
        assertTrue(v.message(), v.intact());
        assertEquals(total, v.entriesChecked());
        AuditHeadEntity head = f.store.read(em -> em.find(AuditHeadEntity.class, AuditHeadEntity.ID));
        assertEquals(total, head.getSeq());
        Caller admin = f.admin;
        assertEquals(head.getLastHash(), f.auditService.list(admin, null, PageRequest.first(1)).items().get(0).hash());
    }
}
