package org.mtmanager.tenant.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountChange;
import org.mtmanager.api.audit.AuditEntry;
import org.mtmanager.api.audit.ChainVerification;
import org.mtmanager.platform.audit.AuditChain;
import org.mtmanager.store.entity.AuditEntity;
import org.mtmanager.tenant.TenantFixture;

/** The hash chain: appended in order, verified, and tampering in storage detected. */
public class AuditChainTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private Caller alpha;
    private Caller beta;
    private Account alphaCustomer;

    @Before
    public void someHistory() {
        alpha = f.tenantAdmin("reseller", "Alpha", "alpha-admin", "reseller-admin");
        beta = f.tenantAdmin("reseller", "Beta", "beta-admin", "reseller-admin");
        alphaCustomer = f.account(alpha, null, "customer", "Alpha Customer");
        f.account(beta, null, "customer", "Beta Customer");
        f.accounts.update(alpha, alphaCustomer.id(), new AccountChange(null, "ops@alpha.example"));
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.get(beta, alphaCustomer.id()));
        expect(ErrorCode.NOT_FOUND, null, () -> f.accounts.delete(beta, alphaCustomer.id()));
    }

    private List<AuditEntry> allOldestFirst() {
        List<AuditEntry> all = new ArrayList<>(f.auditService.list(f.admin, null, PageRequest.first(1000)).items());
        all.sort(Comparator.comparingLong(AuditEntry::seq));
        return all;
    }

    @Test
    public void entriesAreChainedInSequence() {
        List<AuditEntry> all = allOldestFirst();
        assertTrue(all.size() >= 10);
        assertEquals("platform.init", all.get(0).action());
        assertEquals(AuditChain.GENESIS, all.get(0).prevHash());
        for (int i = 0; i < all.size(); i++) {
            AuditEntry e = all.get(i);
            assertEquals(i + 1, e.seq());
            assertTrue(e.hash().matches("[0-9a-f]{64}"));
            if (i > 0) {
                assertEquals("prevHash of " + e.seq(), all.get(i - 1).hash(), e.prevHash());
            }
        }
        assertEquals(all.size(), new HashSet<>(all.stream().map(AuditEntry::hash).toList()).size());
        // Every stored hash is the hash of its row.
        for (AuditEntity row : f.store.read(em -> em.createQuery("SELECT a FROM AuditEntity a", AuditEntity.class).getResultList())) {
            assertEquals("seq " + row.getSeq(), AuditChain.hash(row), row.getHash());
        }
        // The newest entry comes first in a listing.
        assertEquals(all.size(), f.auditService.list(f.admin, null, PageRequest.first(1)).items().get(0).seq());
    }

    @Test
    public void untouchedChainVerifies() {
        long n = f.count("AuditEntity");
        ChainVerification v = f.auditService.verify(f.admin);
        assertTrue(v.message(), v.intact());
        assertEquals(n, v.entriesChecked());
        assertEquals(0, v.firstBadSeq());
        expect(ErrorCode.FORBIDDEN, null, () -> f.auditService.verify(alpha));
    }

    @Test
    public void alteredRowIsDetected() {
        f.store.writing(em -> em.createNativeQuery("UPDATE MTM_AUDIT SET DETAIL = 'x' WHERE SEQ = 2").executeUpdate());
        ChainVerification v = f.auditService.verify(f.admin);
        assertFalse(v.intact());
        assertEquals(2, v.firstBadSeq());
        assertEquals(2, v.entriesChecked());
    }

    @Test
    public void rowRehashedAfterAlterationBreaksTheNextLink() {
        f.store.writing(em -> {
            AuditEntity e = em.find(AuditEntity.class, 2L);
            e.setDetail("rewritten history");
            e.setHash(AuditChain.hash(e));
        });
        ChainVerification v = f.auditService.verify(f.admin);
        assertFalse(v.intact());
        assertEquals(3, v.firstBadSeq());
    }

    @Test
    public void deletedRowIsDetected() {
        f.store.writing(em -> em.createNativeQuery("DELETE FROM MTM_AUDIT WHERE SEQ = 3").executeUpdate());
        ChainVerification v = f.auditService.verify(f.admin);
        assertFalse(v.intact());
        assertEquals(3, v.firstBadSeq());
    }

    @Test
    public void resellerSeesOnlyEntriesOfItsSubtree() {
        Set<Long> alphaTree = Set.of(alpha.accountId(), alphaCustomer.id());
        List<AuditEntry> seen = f.auditService.list(alpha, null, PageRequest.first(1000)).items();
        assertFalse(seen.isEmpty());
        for (AuditEntry e : seen) {
            assertTrue(e.seq() + " " + e.action() + " concerns " + e.accountId(), alphaTree.contains(e.accountId()));
            assertFalse(e.actor().equals("beta-admin"));
        }
        assertTrue(seen.stream().anyMatch(e -> e.action().equals("account.create") && e.accountId() == alphaCustomer.id()));
        assertTrue(seen.stream().anyMatch(e -> e.action().equals("account.update")));
        assertFalse(seen.stream().anyMatch(e -> e.action().equals("platform.init")));
        assertEquals(seen.size(), f.auditService.list(alpha, null, PageRequest.first(1000)).total());

        List<AuditEntry> betaSeen = f.auditService.list(beta, null, PageRequest.first(1000)).items();
        assertTrue(betaSeen.stream().noneMatch(e -> alphaTree.contains(e.accountId())));
        assertTrue(betaSeen.stream().anyMatch(e -> e.action().equals("account.delete") && e.actor().equals("beta-admin")));

        String csv = f.auditService.exportCsv(alpha, null);
        assertEquals(seen.size() + 1, csv.split("\n").length);
        assertFalse(csv.contains("beta-admin"));
    }
}
