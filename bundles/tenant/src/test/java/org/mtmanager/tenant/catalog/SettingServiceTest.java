package org.mtmanager.tenant.catalog;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.audit.AuditEntry;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.api.audit.Outcome;
import org.mtmanager.api.setting.Setting;
import org.mtmanager.api.setting.SettingType;
import org.mtmanager.tenant.TenantFixture;

/** Locked settings, who may change what, and typed values. */
public class SettingServiceTest {
    private static final String PORTS = "network.reserved-port-range";

    @Rule
    public final TenantFixture f = new TenantFixture();

    private Caller operator;
    private Caller platformAdmin;

    @Before
    public void callers() {
        operator = f.tenantAdmin("operator", "Op One", "op-admin", "operator-admin");
        f.user(f.admin, f.boot.rootAccountId(), "root2", "platform-admin");
        platformAdmin = f.login("root2");
    }

    @Test
    public void operatorCannotChangeALockedSettingAndTheRefusalIsAudited() {
        Setting s = f.settings.get(operator, PORTS);
        assertTrue(s.locked());
        assertEquals(SettingType.PORT_RANGE, s.type());

        expect(ErrorCode.SETTING_LOCKED, "key", () -> f.settings.set(operator, PORTS, "20000-29999"));
        // Locked wins over a bad value: the operator learns nothing about validation.
        expect(ErrorCode.SETTING_LOCKED, "key", () -> f.settings.set(operator, PORTS, "garbage"));
        assertEquals("10000-19999", f.settings.get(platformAdmin, PORTS).value());

        List<AuditEntry> denied = f.auditService.list(platformAdmin,
            new AuditQuery("op-admin", "setting.set", null, "DENIED", null, null), PageRequest.first(50)).items();
        assertEquals(2, denied.size());
        AuditEntry e = denied.get(1);
        assertEquals("setting.set", e.action());
        assertEquals(Outcome.DENIED, e.outcome());
        assertEquals(PORTS, e.targetId());
        assertEquals(operator.accountId(), e.accountId());
        assertTrue(e.detail(), e.detail().startsWith("SETTING_LOCKED"));
        // Also present in the unfiltered listing.
        assertTrue(f.auditService.list(platformAdmin, null, PageRequest.first(100)).items().stream()
            .anyMatch(x -> x.action().equals("setting.set") && x.outcome() == Outcome.DENIED
                && x.actor().equals("op-admin")));
    }

    @Test
    public void platformAdminMayChangeALockedSetting() {
        Setting changed = f.settings.set(platformAdmin, PORTS, " 20000 - 29999 ");
        assertEquals("20000-29999", changed.value());
        assertEquals("root2", changed.updatedBy());
        assertEquals("20000-29999", f.settings.get(operator, PORTS).value());
        assertTrue(f.auditService.list(platformAdmin, new AuditQuery("root2", "setting.set", null, "SUCCESS", null, null),
            PageRequest.first(10)).items().stream().anyMatch(e -> e.detail().equals("10000-19999 -> 20000-29999")));
    }

    @Test
    public void onlyThePlatformChangesAnUnlockedSettingForEveryOperator() {
        Caller second = f.tenantAdmin("operator", "Op Two", "op2-admin", "operator-admin");
        for (String key : List.of("portal.session-idle-minutes", "pbx.upgrade-path", "machine.web-url", "billing.rating-mode")) {
            String before = f.settings.get(second, key).value();
            MtmException refused = expect(ErrorCode.FORBIDDEN, "key", () -> f.settings.set(operator, key, before));
            assertTrue(refused.getMessage(), refused.getMessage().contains("platform-wide"));
            assertEquals("the other operator's value is untouched", before, f.settings.get(second, key).value());
        }
        assertEquals(4, f.auditService.list(platformAdmin, new AuditQuery("op-admin", "setting.set", null, "DENIED", null, null),
            PageRequest.first(50)).items().size());
        assertEquals("peak", f.settings.set(platformAdmin, "billing.rating-mode", "peak").value());
        assertEquals("45", f.settings.set(platformAdmin, "portal.session-idle-minutes", "045").value());
        assertEquals("peak", f.settings.get(operator, "billing.rating-mode").value());
    }

    @Test
    public void portRangeValuesAreValidated() {
        for (String bad : List.of("20000-10000", "20000-20000", "80-1000", "1024-65536", "abc", "10000", "1-2-3")) {
            expect(ErrorCode.INVALID_FIELD, "value", () -> f.settings.set(platformAdmin, PORTS, bad));
        }
        assertEquals("10000-19999", f.settings.get(platformAdmin, PORTS).value());
        assertEquals("1024-65535", f.settings.set(platformAdmin, PORTS, "1024-65535").value());
    }

    @Test
    public void integerValuesAreValidated() {
        String key = "portal.session-idle-minutes";
        for (String bad : List.of("abc", "1.5", "-5", "", "99999999999")) {
            expect(ErrorCode.INVALID_FIELD, "value", () -> f.settings.set(platformAdmin, key, bad));
        }
        assertEquals("30", f.settings.get(operator, key).value());
    }

    @Test
    public void choiceValuesMustBeOneOfTheChoices() {
        String key = "billing.rating-mode";
        assertEquals(List.of("pro-rata", "peak"), f.settings.get(operator, key).choices());
        for (String bad : List.of("monthly", "PEAK", "pro-rata,peak")) {
            expect(ErrorCode.INVALID_FIELD, "value", () -> f.settings.set(platformAdmin, key, bad));
        }
        expect(ErrorCode.INVALID_FIELD, "value", () -> f.settings.set(platformAdmin, "sip.policy", "open"));
        assertEquals("pro-rata", f.settings.get(operator, key).value());
        assertEquals("locked", f.settings.get(operator, "sip.policy").value());
    }

    @Test
    public void resellersReadOnlyWhatTheirFormsNeed() {
        Caller reseller = f.tenantAdmin("reseller", "R", "r-admin", "reseller-admin");
        Caller distributor = f.tenantAdmin("distributor", "D", "d-admin", "distributor-admin");
        for (Caller c : List.of(reseller, distributor)) {
            assertEquals(List.of("machine.default-plan", "pbx.upgrade-path"), f.settings.list(c).stream().map(Setting::key).toList());
            assertEquals("S", f.settings.get(c, "machine.default-plan").value());
            assertEquals("15.0 > 15.3 > 16.0 > 16.2", f.settings.get(c, " pbx.upgrade-path ").value());
            expect(ErrorCode.FORBIDDEN, null, () -> f.settings.get(c, "billing.rating-mode"));
            expect(ErrorCode.FORBIDDEN, null, () -> f.settings.get(c, "no.such-setting"));
        }
        expect(ErrorCode.FORBIDDEN, null, () -> f.settings.set(reseller, "machine.default-plan", "M"));
        expect(ErrorCode.FORBIDDEN, null, () -> f.settings.set(reseller, "billing.rating-mode", "peak"));
        assertEquals("S", f.settings.get(operator, "machine.default-plan").value());
        assertEquals("pro-rata", f.settings.get(operator, "billing.rating-mode").value());
        assertEquals(SettingCatalog.ALL.size(), f.settings.list(operator).size());
    }
}
