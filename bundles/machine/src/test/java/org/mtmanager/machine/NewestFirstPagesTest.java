package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.audit.AuditEntry;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.api.job.Job;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.tenant.TenantFixture;

/**
 * The lists that grow without end and show the newest first (the audit log, the jobs) walk with {@code after} too:
 * each page holds the entries older than the previous page's last, and the walk meets every entry once.
 */
public class NewestFirstPagesTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    @Test
    public void theAuditLogWalksNewestFirst() {
        Caller reseller = f.tenantAdmin("reseller", "Auditors", "auditor-admin", "reseller-admin");
        for (int i = 0; i < 11; i++) {
            f.account(reseller, reseller.accountId(), "customer", "Audited " + i);
        }
        List<Long> all = f.auditService.list(reseller, AuditQuery.ALL, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
            .map(AuditEntry::seq).toList();
        assertEquals(List.copyOf(all), walk(after -> f.auditService.list(reseller, AuditQuery.ALL, after), AuditEntry::seq));
    }

    @Test
    public void theJobsWalkNewestFirst() {
        Caller reseller = f.tenantAdmin("reseller", "Jobbers", "jobber-admin", "reseller-admin");
        Caller other = f.tenantAdmin("reseller", "Others", "other-admin", "reseller-admin");
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long id = job(reseller.accountId());
            job(other.accountId());
            mine.add(0, id);
        }
        JobServiceImpl jobs = new JobServiceImpl(f.store);
        assertEquals(mine, walk(after -> jobs.list(reseller, null, after), Job::id));
        assertEquals(12, jobs.list(reseller, null, PageRequest.after(mine.get(4), 3)).total());
    }

    /** Every id of the list, walked in pages of 5 with the cursor each page hands out. */
    private static <T> List<Long> walk(Function<PageRequest, Page<T>> list, Function<T, Long> id) {
        List<Long> seen = new ArrayList<>();
        Page<T> page = list.apply(PageRequest.first(5));
        while (true) {
            page.items().forEach(x -> seen.add(id.apply(x)));
            if (page.next() == null) {
                assertNull(page.next());
                return seen;
            }
            assertEquals(seen.get(seen.size() - 1), page.next());
            page = list.apply(PageRequest.after(page.next(), 5));
        }
    }

    private long job(long accountId) {
        String path = f.store.read(em -> em.find(AccountEntity.class, accountId).getPath());
        return f.store.write(em -> {
            JobEntity j = new JobEntity();
            j.setType("CREATE");
            j.setMachineId(1);
            j.setAccountPath(path);
            j.setState("SUCCEEDED");
            j.setCreatedAt(Instant.parse("2030-01-01T10:00:00Z"));
            j.setUpdatedAt(Instant.parse("2030-01-01T10:00:00Z"));
            em.persist(j);
            em.flush();
            return j.getId();
        });
    }
}
