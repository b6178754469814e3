package org.mtmanager.billing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.billing.Correction;
import org.mtmanager.api.billing.Licence;
import org.mtmanager.api.billing.LineKind;
import org.mtmanager.api.billing.PriceListDraft;
import org.mtmanager.api.billing.Statement;
import org.mtmanager.api.billing.StatementLine;
import org.mtmanager.api.billing.StatementState;
import org.mtmanager.api.billing.UsageDay;
import org.mtmanager.tenant.TenantFixture;

/** Rating over the months that break naive billing, through the real ledger and store. */
public class RatingTest {
    @Rule
    public final TenantFixture f = new TenantFixture();
    private BillingWorld w;
    private long reseller;

    @Before
    public void setUp() {
        w = new BillingWorld(f);
        reseller = f.account(f.admin, null, "reseller", "Billed Reseller").id();
        w.prices(f.admin, reseller, "EUR", "PRO_RATA", "31", "2");
    }

    private Statement closeAt(String now, String period) {
        w.at(now);
        return w.billing.close(f.admin, reseller, period);
    }

    private static StatementLine line(Statement s, long machineId, Licence licence) {
        return s.lines().stream().filter(l -> l.machineId() == machineId && l.licence() == licence).findFirst()
            .orElseThrow(() -> new AssertionError("no " + licence + " line for machine " + machineId + " in " + s.lines()));
    }

    @Test
    public void machineCreatedAtNoonOnThe31stPaysHalfADay() {
        long m = w.machine(reseller, "late", "2031-01-31T12:00:00Z", 10, 0);
        Statement jan = closeAt("2031-02-01T00:05:00Z", "2031-01");
        StatementLine l = line(jan, m, Licence.USER);
        assertEquals(new BigDecimal("5.0000"), l.licenceDays());
        assertEquals(10, l.quantity());
        // 31 EUR a month for 10 users over 31 days: half a day of 10 users is 5/31 of 31 EUR.
        assertEquals(new BigDecimal("5.00"), l.amount());
        assertEquals(new BigDecimal("5.00"), jan.total());
        assertEquals(1, jan.lines().size());
        UsageDay only = w.billing.usage(f.admin, reseller, "2031-01", PageRequest.first(10)).items().get(0);
        assertEquals("2031-01-31", only.day());
        assertEquals(43_200, only.liveSeconds());
    }

    @Test
    public void peakModeBillsTheHighestDailyQuantityForTheWholeMonth() {
        w.prices(f.admin, reseller, "EUR", "PEAK", "31", "2");
        long m = w.machine(reseller, "late", "2031-01-31T12:00:00Z", 10, 1);
        Statement jan = closeAt("2031-02-01T00:05:00Z", "2031-01");
        assertEquals(new BigDecimal("310.00"), line(jan, m, Licence.USER).amount());
        assertEquals(new BigDecimal("2.00"), line(jan, m, Licence.TENANT).amount());
        assertEquals(new BigDecimal("312.00"), jan.total());
    }

    @Test
    public void deletedAndRecreatedMachineIsTwoMachinesSplittingTheDay() {
        long old = w.machine(reseller, "pbx", "2030-12-01T00:00:00Z", 4, 0);
        w.recordUntil("2031-02-10T00:30:00Z");
        w.delete(old, "2031-02-10T12:00:00Z");
        long again = w.machine(reseller, "pbx", "2031-02-10T12:00:00Z", 4, 0);
        Statement feb = closeAt("2031-03-01T00:05:00Z", "2031-02");
        assertEquals(new BigDecimal("38.0000"), line(feb, old, Licence.USER).licenceDays());
        assertEquals(new BigDecimal("74.0000"), line(feb, again, Licence.USER).licenceDays());
        // Together they are one machine for the whole of February: exactly one month of 4 users.
        assertEquals(new BigDecimal("124.00"), feb.total());
        assertEquals("pbx", line(feb, again, Licence.USER).hostname());
        assertEquals("the deleted machine has no usage after its day", 10,
            w.billing.usage(f.admin, reseller, "2031-02", PageRequest.of(0, 100)).items().stream()
                .filter(u -> u.machineId() == old).count());
    }

    @Test
    public void extensionsChangedMidMonthAreRatedDayByDay() {
        long m = w.machine(reseller, "grow", "2031-03-20T00:00:00Z", 10, 0);
        w.recordUntil("2031-04-16T00:10:00Z"); // April 1..15 with 10 extensions
        w.extensions(m, 20);
        Statement apr = closeAt("2031-05-01T00:10:00Z", "2031-04");
        StatementLine l = line(apr, m, Licence.USER);
        assertEquals(new BigDecimal("450.0000"), l.licenceDays()); // 15 x 10 + 15 x 20
        assertEquals(20, l.quantity());
        assertEquals(new BigDecimal("465.00"), l.amount()); // 31 x 450 / 30
    }

    @Test
    public void aPlanChangeDoesNotSplitTheLicenceLines() {
        long m = w.machine(reseller, "resized", "2031-03-20T00:00:00Z", 5, 1);
        w.recordUntil("2031-04-10T00:10:00Z");
        w.plan(m, 3);
        Statement apr = closeAt("2031-05-01T00:10:00Z", "2031-04");
        assertEquals(2, apr.lines().size());
        assertEquals(new BigDecimal("150.0000"), line(apr, m, Licence.USER).licenceDays());
        assertEquals(new BigDecimal("155.00"), line(apr, m, Licence.USER).amount());
        assertEquals(new BigDecimal("2.00"), line(apr, m, Licence.TENANT).amount());
        long onNewPlan = f.store.read(em -> em.createQuery("SELECT COUNT(u.id) FROM UsageEntity u WHERE u.machineId = :m "
            + "AND u.planId = 3", Long.class).setParameter("m", m).getSingleResult());
        assertEquals("the ledger keeps the plan of each day", 21, onNewPlan);
    }

    @Test
    public void leapYearFebruaryHas29DaysAndAFullMonthCostsTheFullPrice() {
        long m = w.machine(reseller, "leap", "2032-01-15T00:00:00Z", 3, 0);
        Statement feb = closeAt("2032-03-01T00:05:00Z", "2032-02");
        assertEquals(29, feb.daysInPeriod());
        assertEquals(new BigDecimal("87.0000"), line(feb, m, Licence.USER).licenceDays());
        assertEquals(new BigDecimal("93.00"), feb.total());
        assertEquals(29 * 1, w.billing.usage(f.admin, reseller, "2032-02", PageRequest.first(100)).total());
    }

    @Test
    public void appsAreCountedPerMachineAndPerUser() {
        long m = w.machine(reseller, "apps", "2031-03-01T00:00:00Z", 10, 0);
        w.app(m, "statexplorer", "2031-03-01T00:00:00Z");
        w.app(m, "cloudphone", "2031-03-01T00:00:00Z");
        Statement mar = closeAt("2031-04-01T00:05:00Z", "2031-03");
        assertEquals(new BigDecimal("3.00"), line(mar, m, Licence.APP_PER_MACHINE).amount());
        assertEquals(10, line(mar, m, Licence.APP_PER_USER).quantity());
        assertEquals(new BigDecimal("5.00"), line(mar, m, Licence.APP_PER_USER).amount());
    }

    @Test
    public void closingTwiceGivesTheSameStatementAndAClosedOneNeverChanges() {
        long m = w.machine(reseller, "twice", "2031-01-01T00:00:00Z", 2, 0);
        Statement first = closeAt("2031-02-02T00:00:00Z", "2031-01");
        assertEquals(StatementState.CLOSED, first.state());
        assertEquals(new BigDecimal("62.00"), first.total());
        w.prices(f.admin, reseller, "EUR", "PEAK", "1000", "2");
        w.extensions(m, 50);
        Statement second = w.billing.close(f.admin, reseller, "2031-01");
        assertEquals(first, second);
        assertEquals(first, w.billing.statement(f.admin, reseller, "2031-01"));
        assertEquals(1, f.count("StatementEntity"));
        assertEquals(1L, (long) f.store.read(em -> em.createQuery("SELECT COUNT(a.seq) FROM AuditEntity a WHERE "
            + "a.action = 'statement.close' AND a.outcome = 'SUCCESS'", Long.class).getSingleResult()));
        assertEquals(List.of(first.summary()), w.billing.statements(f.admin, reseller));
    }

    @Test
    public void aCorrectionAfterCloseIsAnAdjustmentOfTheNextOpenPeriod() {
        w.machine(reseller, "fixme", "2031-01-01T00:00:00Z", 1, 0);
        Statement jan = closeAt("2031-02-02T00:00:00Z", "2031-01");
        Statement feb = w.billing.correct(f.admin, reseller, "2031-01",
            new Correction(new BigDecimal("-5.50"), "USER", null, "goodwill credit"));
        assertEquals("2031-02", feb.period());
        assertEquals(StatementState.OPEN, feb.state());
        StatementLine adj = feb.lines().get(feb.lines().size() - 1);
        assertEquals(LineKind.ADJUSTMENT, adj.kind());
        assertEquals(new BigDecimal("-5.50"), adj.amount());
        assertTrue(adj.note(), adj.note().contains("2031-01") && adj.note().contains("goodwill credit"));
        assertEquals("the closed period is untouched", jan, w.billing.statement(f.admin, reseller, "2031-01"));

        Statement febClosed = closeAt("2031-03-01T00:01:00Z", "2031-02");
        assertEquals(new BigDecimal("25.50"), febClosed.total()); // 31 - 5.50
        assertEquals(adj, febClosed.lines().get(febClosed.lines().size() - 1));
        assertEquals("a later correction of January goes to the next open period", "2031-03",
            w.billing.correct(f.admin, reseller, "2031-01", new Correction(new BigDecimal("1"), null, null, "fee")).period());
        expect(ErrorCode.RULE_VIOLATION, "period", () -> w.billing.correct(f.admin, reseller, "2031-03",
            new Correction(BigDecimal.ONE, null, null, "open")));
        expect(ErrorCode.INVALID_FIELD, "amount", () -> w.billing.correct(f.admin, reseller, "2031-01",
            new Correction(new BigDecimal("0.001"), null, null, "too fine")));
        expect(ErrorCode.INVALID_FIELD, "reason", () -> w.billing.correct(f.admin, reseller, "2031-01",
            new Correction(BigDecimal.ONE, null, null, " ")));
    }

    @Test
    public void aChildWithoutItsOwnListInheritsItsParents() {
        Caller seller = f.tenantAdmin("operator", "Parent Operator", "parentadmin", "operator-admin");
        long parent = seller.accountId();
        long child = f.account(seller, parent, "reseller", "Child Reseller").id();
        expect(ErrorCode.NOT_FOUND, null, () -> w.billing.priceList(seller, child));
        w.prices(f.admin, parent, "USD", "PEAK", "7", "1");
        assertEquals(parent, w.billing.priceList(seller, child).ownerId());
        assertEquals("USD", w.billing.priceList(seller, child).currency());
        expect(ErrorCode.FORBIDDEN, null, () -> w.prices(seller, parent, "EUR", null, "1", "1"));
        assertEquals("the parent prices its child", child, w.prices(seller, child, "EUR", null, "1.25", "0").ownerId());
        assertEquals(new BigDecimal("1.2500"), w.billing.priceList(seller, child).price(Licence.USER));
        w.billing.deletePriceList(seller, child);
        assertEquals(parent, w.billing.priceList(seller, child).ownerId());
    }

    @Test
    public void closingNeedsAnEndedPeriodAPriceListAndTheBiller() {
        Caller seller = f.tenantAdmin("reseller", "Own Reseller", "ownadmin", "reseller-admin");
        Caller other = f.tenantAdmin("reseller", "Other Reseller", "otheradmin", "reseller-admin");
        w.at("2031-02-15T00:00:00Z");
        expect(ErrorCode.RULE_VIOLATION, "period", () -> w.billing.close(f.admin, reseller, "2031-02"));
        expect(ErrorCode.INVALID_FIELD, "period", () -> w.billing.close(f.admin, reseller, "2031-2"));
        expect(ErrorCode.INVALID_FIELD, "period", () -> w.billing.statement(f.admin, reseller, "2031-13"));
        expect(ErrorCode.FORBIDDEN, null, () -> w.billing.close(seller, seller.accountId(), "2031-01"));
        expect(ErrorCode.NOT_FOUND, null, () -> w.billing.close(other, reseller, "2031-01"));
        expect(ErrorCode.NOT_FOUND, null, () -> w.billing.statement(other, reseller, "2031-01"));
        expect(ErrorCode.NOT_FOUND, null, () -> w.billing.usage(other, reseller, "2031-01", PageRequest.first(5)));
        expect(ErrorCode.RULE_VIOLATION, "priceList", () -> w.billing.close(f.admin, seller.accountId(), "2031-01"));
        expect(ErrorCode.FORBIDDEN, null, () -> w.billing.recordUsage(seller));
        assertEquals(0, f.count("StatementEntity"));
    }

    @Test
    public void priceListsAreValidatedFieldByField() {
        expect(ErrorCode.INVALID_FIELD, "currency", () -> w.prices(f.admin, reseller, "EURO", null, "1", "1"));
        expect(ErrorCode.INVALID_FIELD, "currency", () -> w.prices(f.admin, reseller, "XYZ", null, "1", "1"));
        expect(ErrorCode.INVALID_FIELD, "ratingMode", () -> w.prices(f.admin, reseller, "EUR", "MAX", "1", "1"));
        expect(ErrorCode.INVALID_FIELD, "prices.USER", () -> w.prices(f.admin, reseller, "EUR", null, "-1", "1"));
        expect(ErrorCode.INVALID_FIELD, "prices.USER", () -> w.prices(f.admin, reseller, "EUR", null, "0.00001", "1"));
        expect(ErrorCode.INVALID_FIELD, "prices", () -> w.billing.setPriceList(f.admin, reseller,
            new PriceListDraft("EUR", null, Map.of("SEATS", BigDecimal.ONE))));
        assertEquals(new BigDecimal("31.0000"), w.billing.priceList(f.admin, reseller).price(Licence.USER));
    }

    @Test
    public void yenHasNoMinorUnit() {
        w.prices(f.admin, reseller, "JPY", "PRO_RATA", "1000", "0");
        long m = w.machine(reseller, "tokyo", "2031-01-01T00:00:00Z", 1, 0);
        w.machine(reseller, "osaka", "2031-01-31T16:00:00Z", 1, 0);
        Statement jan = closeAt("2031-02-01T00:05:00Z", "2031-01");
        assertEquals(new BigDecimal("1000"), line(jan, m, Licence.USER).amount());
        assertEquals(new BigDecimal("1011"), jan.total()); // 1000 x 8h / (31 x 24h) = 10.75 -> 11
        assertNull(jan.lines().get(0).note());
    }
}
