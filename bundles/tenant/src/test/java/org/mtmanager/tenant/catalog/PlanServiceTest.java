package org.mtmanager.tenant.catalog;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.tenant.TenantFixture;

/** Seeded plans, tier ordering, who may edit plans and who sees them. */
public class PlanServiceTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private static List<String> names(List<ResourcePlan> plans) {
        return plans.stream().map(ResourcePlan::name).toList();
    }

    @Test
    public void defaultPlansAreSeededInTierOrder() {
        List<ResourcePlan> plans = f.plans.list(f.admin);
        assertEquals(List.of("SS", "S", "M", "L"), names(plans));
        assertEquals(List.of(1, 2, 3, 4), plans.stream().map(ResourcePlan::tier).toList());
        assertTrue(plans.stream().allMatch(p -> p.ownerAccountId() == f.boot.rootAccountId()));
        ResourcePlan l = f.plans.find(f.admin, "l");
        assertEquals(8192, l.memoryMb());
        assertEquals(4, l.vcpu());
    }

    @Test
    public void higherTierMayNotOfferLessMemoryThanL() {
        ResourcePlan l = f.plans.find(f.admin, "L");
        expect(ErrorCode.RULE_VIOLATION, "memoryMb",
            () -> f.plans.create(f.admin, new PlanDraft("XL", 5, 8, l.memoryMb() - 1, 160, 600, 20, 120)));
        expect(ErrorCode.RULE_VIOLATION, "vcpu",
            () -> f.plans.create(f.admin, new PlanDraft("XL", 5, 2, 16384, 160, 600, 20, 120)));
        // A lower tier may not offer more than a higher one either.
        expect(ErrorCode.RULE_VIOLATION, "memoryMb",
            () -> f.plans.update(f.admin, f.plans.find(f.admin, "SS").id(), new PlanDraft(null, null, null, 4096, null, null, null, null)));
        expect(ErrorCode.CONFLICT, "tier",
            () -> f.plans.create(f.admin, new PlanDraft("XL", 4, 8, 16384, 160, 600, 20, 120)));
        assertEquals(List.of("SS", "S", "M", "L"), names(f.plans.list(f.admin)));
        assertEquals(1024, f.plans.find(f.admin, "SS").memoryMb());

        ResourcePlan xl = f.plans.create(f.admin, new PlanDraft("XL", 5, 8, 16384, 160, 600, 20, 120));
        assertEquals(List.of("SS", "S", "M", "L", "XL"), names(f.plans.list(f.admin)));
        assertEquals(16384, f.plans.get(f.admin, xl.id()).memoryMb());
    }

    @Test
    public void moreTenantsThanExtensionsIsARuleViolation() {
        expect(ErrorCode.RULE_VIOLATION, "maxTenants",
            () -> f.plans.create(f.admin, new PlanDraft("XL", 5, 8, 16384, 160, 600, 601, 120)));
        long l = f.plans.find(f.admin, "L").id();
        expect(ErrorCode.RULE_VIOLATION, "maxTenants",
            () -> f.plans.update(f.admin, l, new PlanDraft(null, null, null, null, null, null, 301, null)));
        assertEquals(4, f.plans.list(f.admin).size());
        assertEquals(10, f.plans.get(f.admin, l).maxTenants());
    }

    @Test
    public void resellerAdminCannotCreatePlans() {
        Caller reseller = f.tenantAdmin("reseller", "R", "r-admin", "reseller-admin");
        expect(ErrorCode.FORBIDDEN, null, () -> f.plans.create(reseller, new PlanDraft("Tiny", 1, 1, 512, 5, 5, 1, 2)));
        expect(ErrorCode.FORBIDDEN, null, () -> f.plans.update(reseller, f.plans.find(reseller, "L").id(),
            new PlanDraft(null, null, 64, null, null, null, null, null)));
        assertEquals(4, f.plans.list(f.admin).size());
        assertEquals(4, f.plans.find(f.admin, "L").vcpu());
    }

    @Test
    public void operatorPlanIsVisibleToItsSubtreeOnly() {
        Caller op1 = f.tenantAdmin("operator", "Op One", "op1-admin", "operator-admin");
        Caller op2 = f.tenantAdmin("operator", "Op Two", "op2-admin", "operator-admin");
        Account child = f.account(op1, null, "reseller", "Op One Reseller");
        f.user(op1, child.id(), "child-admin", "reseller-admin");
        Caller reseller = f.login("child-admin");

        ResourcePlan own = f.plans.create(op1, new PlanDraft("Op Small", 1, 1, 512, 5, 5, 1, 2));
        assertEquals(op1.accountId(), own.ownerAccountId());

        assertTrue(names(f.plans.list(op1)).contains("Op Small"));
        assertEquals(List.of("SS", "S", "M", "L", "Op Small"), names(f.plans.list(reseller)));
        assertEquals(own, f.plans.get(reseller, own.id()));
        assertEquals(own.id(), f.plans.find(reseller, "op small").id());
        assertTrue(names(f.plans.list(f.admin)).contains("Op Small"));

        assertFalse(names(f.plans.list(op2)).contains("Op Small"));
        assertEquals(List.of("SS", "S", "M", "L"), names(f.plans.list(op2)));
        expect(ErrorCode.NOT_FOUND, null, () -> f.plans.get(op2, own.id()));
        expect(ErrorCode.NOT_FOUND, null, () -> f.plans.find(op2, "Op Small"));
        expect(ErrorCode.NOT_FOUND, null, () -> f.plans.update(op2, own.id(), new PlanDraft("Mine", null, null, null, null, null, null, null)));
        expect(ErrorCode.NOT_FOUND, null, () -> f.plans.delete(op2, own.id()));
        assertEquals("Op Small", f.plans.get(op1, own.id()).name());
    }

    @Test
    public void operatorEditsOnlyItsOwnPlans() {
        Caller op = f.tenantAdmin("operator", "Op One", "op-admin", "operator-admin");
        long l = f.plans.find(op, "L").id();
        expect(ErrorCode.FORBIDDEN, null, () -> f.plans.update(op, l, new PlanDraft(null, null, 64, null, null, null, null, null)));
        expect(ErrorCode.FORBIDDEN, null, () -> f.plans.delete(op, l));
        assertEquals(4, f.plans.get(f.admin, l).vcpu());
        // Its own plan named like a platform one wins a lookup by name.
        ResourcePlan mine = f.plans.create(op, new PlanDraft("L", 1, 2, 2048, 20, 20, 2, 8));
        assertEquals(mine.id(), f.plans.find(op, "L").id());
        assertEquals(l, f.plans.find(f.admin, "L").id());
    }
}
