package org.mtmanager.billing;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.billing.Licence;
import org.mtmanager.api.billing.PriceList;
import org.mtmanager.api.billing.RatingMode;
import org.mtmanager.api.billing.Statement;
import org.mtmanager.api.billing.StatementLine;
import org.mtmanager.api.billing.UsageDay;
import org.mtmanager.tenant.TenantFixture;

/**
 * Properties of rating over many generated months (a seeded Random, so a failure is reproducible): the lines add
 * up to the total, and licence-days and amounts equal a brute-force count, minute by minute, of when each machine
 * existed and what it had.
 */
public class RatingPropertiesTest {
    private static final long SEED = 20240229L;

    @Rule
    public final TenantFixture f = new TenantFixture();

    /** A generated machine: alive over [created, deleted), with a quantity per licence per day of the month. */
    private record Gen(long id, Instant created, Instant deleted, Map<Integer, int[]> daily) {
        int[] on(int dayOfMonth) {
            return daily.get(dayOfMonth);
        }
    }

    @Test
    public void ratedFromLedgerRecordsMatchesBruteForce() {
        Random random = new Random(SEED);
        for (int c = 0; c < 300; c++) {
            YearMonth month = YearMonth.of(2028 + random.nextInt(8), 1 + random.nextInt(12));
            List<Gen> machines = generate(random, month, 1 + random.nextInt(6));
            PriceList prices = prices(random);
            List<UsageDay> ledger = ledger(month, machines);
            List<StatementLine> lines = Rating.charges(ledger, prices, month.lengthOfMonth());
            BigDecimal total = Rating.total(lines, prices.currency());
            assertEquals("case " + c, lines.stream().map(StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(total), 0);
            for (StatementLine l : lines) {
                Gen g = machines.stream().filter(x -> x.id() == l.machineId()).findFirst().orElseThrow();
                long brute = bruteLicenceSeconds(month, g, l.licence());
                assertEquals("case " + c + " " + l, Rating.licenceDays(brute), l.licenceDays());
                BigDecimal expected = prices.ratingMode() == RatingMode.PEAK
                    ? prices.price(l.licence()).multiply(BigDecimal.valueOf(brutePeak(month, g, l.licence())))
                        .setScale(2, RoundingMode.HALF_EVEN)
                    : prices.price(l.licence()).multiply(BigDecimal.valueOf(brute))
                        .divide(BigDecimal.valueOf(86_400L * month.lengthOfMonth()), 2, RoundingMode.HALF_EVEN);
                assertEquals("case " + c + " " + l, expected, l.amount());
            }
            long billable = machines.stream().flatMap(g -> Arrays.stream(Licence.values())
                .filter(l -> bruteLicenceSeconds(month, g, l) > 0)).count();
            assertEquals("case " + c + ": a line for every machine and licence used", billable, lines.size());
        }
    }

    /** The same property end to end, on the store: ledger runs day by day with changes between them, then a close. */
    @Test
    public void closedStatementsAddUpAndMatchBruteForce() {
        Random random = new Random(SEED + 1);
        BillingWorld w = new BillingWorld(f);
        long account = f.account(f.admin, null, "operator", "Property Operator").id();
        w.prices(f.admin, account, "EUR", "PRO_RATA", "9.99", "1.5");
        YearMonth month = YearMonth.of(2031, 7);
        List<Gen> machines = new ArrayList<>();
        for (Gen g : generate(random, month, 25)) {
            long id = w.machine(account, "p" + g.id(), g.created().toString(), g.on(1)[0], g.on(1)[1]);
            machines.add(new Gen(id, g.created(), g.deleted(), g.daily()));
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            for (Gen g : machines) {
                w.extensions(g.id(), g.on(d)[0]);
                if (g.deleted() != null && g.deleted().isBefore(month.atDay(d).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                    && !g.deleted().isBefore(month.atDay(d).atStartOfDay(ZoneOffset.UTC).toInstant())) {
                    w.delete(g.id(), g.deleted().toString());
                }
            }
            w.recordUntil(month.atDay(d).plusDays(1).atStartOfDay(ZoneOffset.UTC).plusMinutes(5).toInstant().toString());
        }
        w.at("2031-08-02T00:00:00Z");
        Statement s = w.billing.close(f.admin, account, month.toString());
        assertEquals(s.lines().stream().map(StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add), s.total());
        for (StatementLine l : s.lines()) {
            if (l.licence() == Licence.USER) {
                Gen g = machines.stream().filter(x -> x.id() == l.machineId()).findFirst().orElseThrow();
                assertEquals(l.toString(), Rating.licenceDays(bruteLicenceSeconds(month, g, Licence.USER)), l.licenceDays());
            }
        }
    }

    private static List<Gen> generate(Random r, YearMonth month, int count) {
        List<Gen> out = new ArrayList<>();
        Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int minutes = month.lengthOfMonth() * 1440;
        for (int i = 0; i < count; i++) {
            // Some machines predate the month, some outlive it; times fall on whole minutes.
            Instant created = start.plusSeconds(60L * (r.nextInt(minutes + 2000) - 2000));
            Instant deleted = r.nextInt(3) == 0 ? created.plusSeconds(60L * (1 + r.nextInt(minutes))) : null;
            Map<Integer, int[]> daily = new HashMap<>();
            int ext = 1 + r.nextInt(25);
            int ten = r.nextInt(3);
            int appsM = r.nextInt(2);
            int appsU = r.nextInt(2);
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                if (r.nextInt(8) == 0) {
                    ext = 1 + r.nextInt(25);
                }
                daily.put(d, new int[] {ext, ten, appsM, appsU});
            }
            out.add(new Gen(i + 1, created, deleted, daily));
        }
        return out;
    }

    /** What the ledger records for the generated machines, day by day. */
    private static List<UsageDay> ledger(YearMonth month, List<Gen> machines) {
        List<UsageDay> out = new ArrayList<>();
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            Instant s = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant e = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (Gen g : machines) {
                int live = UsageLedger.liveSeconds(g.created(), g.deleted(), s, e);
                if (live > 0) {
                    int[] q = g.on(d);
                    out.add(new UsageDay(date.toString(), g.id(), "S" + g.id(), "h" + g.id(), 1, q[0], q[1], q[2], q[3], live));
                }
            }
        }
        Collections.shuffle(out, new Random(out.size()));
        return out;
    }

    private static int quantity(int[] q, Licence l) {
        return new UsageDay("", 0, "", "", 0, q[0], q[1], q[2], q[3], 0).quantity(l);
    }

    /** Licence-seconds counted minute by minute over the month, independently of the ledger's day arithmetic. */
    private static long bruteLicenceSeconds(YearMonth month, Gen g, Licence l) {
        Instant t = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long sum = 0;
        for (; t.isBefore(end); t = t.plusSeconds(60)) {
            if (!t.isBefore(g.created()) && (g.deleted() == null || t.isBefore(g.deleted()))) {
                sum += 60L * quantity(g.on(t.atOffset(ZoneOffset.UTC).getDayOfMonth()), l);
            }
        }
        return sum;
    }

    private static int brutePeak(YearMonth month, Gen g, Licence l) {
        int peak = 0;
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            Instant s = month.atDay(d).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (UsageLedger.liveSeconds(g.created(), g.deleted(), s, s.plusSeconds(86_400)) > 0) {
                peak = Math.max(peak, quantity(g.on(d), l));
            }
        }
        return peak;
    }

    private static PriceList prices(Random r) {
        Map<Licence, BigDecimal> p = new EnumMap<>(Licence.class);
        for (Licence l : Licence.values()) {
            p.put(l, BigDecimal.valueOf(r.nextInt(10_000_000), 4));
        }
        return new PriceList(1, 1, "EUR", r.nextBoolean() ? RatingMode.PRO_RATA : RatingMode.PEAK, p, null);
    }
}
