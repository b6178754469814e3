package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.ws.BindingProvider;

import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mtmanager.itests.billing.BillingFault;
import org.mtmanager.itests.billing.BillingService;
import org.mtmanager.itests.billing.MachineLicenceData;
import org.mtmanager.itests.billing.StatementData;
import org.mtmanager.itests.billing.StatementLineData;
import org.mtmanager.itests.billing.UsagePage;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.UsageEntity;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Billing as an operator's billing system sees it: a SOAP client generated from the committed WSDL (wsdl2java)
 * with a UsernameToken reads usage and closes a period; REST and the console show the same statement; wrong
 * credentials and foreign accounts get faults that carry nothing of the account.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class BillingIT extends MtmTestSupport {
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String PASSWORD_TEXT = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    @Inject
    protected Store store;

    @Test
    public void servedWsdlIsTheCommittedContract() throws Exception {
        Http.Response served = new Http(httpPort(), null, null, "127.0.0.1").get("/mtm/soap/BillingService?wsdl");
        assertEquals(200, served.status());
        String normalised = served.body().replaceFirst("soap:address location=\"[^\"]*\"",
            "soap:address location=\"http://localhost:8181/mtm/soap/BillingService\"");
        String committed;
        try (InputStream in = BillingIT.class.getResourceAsStream("/wsdl/BillingService-v1.wsdl")) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals("the served WSDL drifted from bundles/billing-facade/src/main/resources/wsdl/BillingService-v1.wsdl: change the "
            + "contract on purpose (a new version for a breaking change) and commit the served WSDL", committed, normalised);
    }

    @Test
    public void operatorReadsUsageAndThePlatformClosesAPeriod() throws Exception {
        String pw = "Billing-pass-1";
        String opUser = unique("billop");
        long operator = createAccountWithAdmin("operator", unique("BillingOperator"), opUser, pw);
        String otherUser = unique("otherop");
        createAccountWithAdmin("operator", unique("OtherOperator"), otherUser, pw);
        Http op = http(opUser, pw);

        // A real machine, on the libvirt test host; its history of last month is seeded into the ledger, as if the
        // ledger had recorded it every night (a machine made now has no past days).
        String hostname = "bill-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode draft = ok(op.post(API + "/machines/drafts", Map.of("hostname", hostname, "plan", "S",
            "extensions", 10, "tenants", 2, "customer", customer())));
        JsonNode job = ok(op.post(API + "/machines", Map.of("draftId", draft.get("id").asLong())));
        long machineId = job.get("machineId").asLong();
        awaitJob(op, job.get("id").asLong());
        YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        int days = seedLastMonth(machineId, last);

        ok(admin().put(API + "/price-lists/" + operator, Map.of("currency", "EUR", "ratingMode", "PRO_RATA",
            "prices", Map.of("USER", new BigDecimal("3.10"), "TENANT", new BigDecimal("1")))));

        // The operator's billing system, over SOAP.
        BillingService mine = billing(opUser, pw);
        UsagePage usage = mine.getUsage(operator, last.toString(), 0, 1000);
        assertEquals(days, usage.getTotal());
        assertEquals(hostname, usage.getItems().get(0).getHostname());
        assertEquals(43_200, usage.getItems().get(0).getLiveSeconds());
        List<MachineLicenceData> inventory = mine.getMachineInventory(operator);
        assertEquals(1, inventory.size());
        assertEquals(10, inventory.get(0).getExtensions());
        assertEquals(10, mine.getActiveUsersReport(null).getExtensions());
        assertEquals("an account never closes its own statement", "FORBIDDEN",
            fault(() -> mine.closeStatement(operator, last.toString())));

        BillingService platform = billing("admin", adminPassword());
        StatementData closed = platform.closeStatement(operator, last.toString());
        assertEquals("CLOSED", closed.getState());
        BigDecimal userAmount = new BigDecimal("3.1000").multiply(BigDecimal.valueOf(10L * (86_400L * days - 43_200)))
            .divide(BigDecimal.valueOf(86_400L * last.lengthOfMonth()), 2, RoundingMode.HALF_EVEN);
        BigDecimal tenantAmount = BigDecimal.ONE.multiply(BigDecimal.valueOf(2L * (86_400L * days - 43_200)))
            .divide(BigDecimal.valueOf(86_400L * last.lengthOfMonth()), 2, RoundingMode.HALF_EVEN);
        assertEquals(userAmount.add(tenantAmount), closed.getTotal());
        assertEquals(2, closed.getLine().size());
        StatementLineData user = closed.getLine().get(0);
        assertEquals("USER", user.getLicence());
        assertEquals(machineId, user.getMachineId());
        assertEquals(BigDecimal.valueOf(10L * (86_400L * days - 43_200)).divide(BigDecimal.valueOf(86_400), 4,
            RoundingMode.HALF_UP), user.getLicenceDays());
        StatementData again = platform.closeStatement(operator, last.toString());
        assertEquals(closed.getClosedAt(), again.getClosedAt());
        assertEquals(closed.getTotal(), again.getTotal());
        assertEquals(closed.getTotal(), mine.getStatement(operator, last.toString()).getTotal());
        assertEquals(1, mine.listStatements(operator).size());

        // Wrong credentials and a foreign account get faults with the REST codes, and nothing of the account.
        assertEquals("UNAUTHENTICATED", fault(() -> billing(opUser, "wrong-" + pw).getUsage(operator, last.toString(), 0, 10)));
        BillingService foreign = billing(otherUser, pw);
        assertEquals("NOT_FOUND", fault(() -> foreign.getUsage(operator, last.toString(), 0, 10)));
        assertEquals("NOT_FOUND", fault(() -> foreign.getStatement(operator, last.toString())));
        assertEquals("NOT_FOUND", fault(() -> foreign.getMachineInventory(operator)));
        assertEquals(0, foreign.getMachineInventory(null).size());
        assertEquals("INVALID_FIELD", fault(() -> mine.getStatement(operator, "last-month")));

        // REST shows the same statement, as JSON and CSV; a correction lands in the next open period.
        JsonNode rest = ok(op.get(API + "/statements/" + operator + "/" + last));
        assertEquals(0, closed.getTotal().compareTo(rest.get("total").decimalValue()));
        Http.Response csv = op.accepting("text/csv").get(API + "/statements/" + operator + "/" + last);
        assertEquals(200, csv.status());
        assertTrue(csv.headers().toString(), csv.headers().toString().toLowerCase().contains("text/csv"));
        assertTrue(csv.body(), csv.body().contains(hostname) && csv.body().contains("TOTAL"));
        assertTrue(op.accepting("text/csv").get(API + "/usage?accountId=" + operator + "&period=" + last).body()
            .startsWith("day,machine_id"));
        assertEquals(404, http(otherUser, pw).get(API + "/statements/" + operator + "/" + last).status());
        assertEquals(403, op.post(API + "/statements/" + operator + "/" + last + "/close", Map.of()).status());
        Http.Response corrected = admin().post(API + "/statements/" + operator + "/" + last + "/corrections",
            Map.of("amount", new BigDecimal("-2.50"), "reason", "outage credit"));
        assertEquals(corrected.toString(), 201, corrected.status());
        assertEquals(last.plusMonths(1).toString(), corrected.json().get("period").asText());
        assertEquals("OPEN", corrected.json().get("state").asText());
        assertEquals(closed.getTotal(), platform.getStatement(operator, last.toString()).getTotal());
        Http.Response badPrice = admin().put(API + "/price-lists/" + operator, Map.of("currency", "EURO", "prices", Map.of()));
        assertEquals(400, badPrice.status());
        assertEquals("currency", badPrice.json().get("field").asText());

        // The console, as the operator.
        ShellResult shown = shellAs(opUser, pw, "mtm:statement-show " + operator + " " + last);
        assertFalse(shown.errorMessage(), shown.failed());
        assertTrue(shown.output(), shown.output().contains("CLOSED") && shown.output().contains(hostname));
        ShellResult report = shellAs(opUser, pw, "mtm:report-active-users");
        assertTrue(report.output(), report.output().contains("10 active user(s)"));
        ShellResult listed = shellAs(opUser, pw, "mtm:usage " + operator + " " + last);
        assertTrue(listed.output(), listed.output().contains(days + " of " + days + " record(s)"));
        ShellResult refused = shellAs(opUser, pw, "mtm:statement-close " + operator + " " + last);
        assertTrue(refused.errorMessage(), refused.failed() && refused.errorMessage().startsWith("FORBIDDEN"));
        ShellResult foreignShell = shellAs(otherUser, pw, "mtm:statement-show " + operator + " " + last);
        assertTrue(foreignShell.errorMessage(), foreignShell.failed() && foreignShell.errorMessage().startsWith("NOT_FOUND"));
        assertFalse(foreignShell.output().contains(hostname));
    }

    /** Ledger records of the machine for every day of the period, the first one half a day. */
    private int seedLastMonth(long machineId, YearMonth period) {
        return store.write(em -> {
            MachineEntity m = em.find(MachineEntity.class, machineId);
            for (int d = 1; d <= period.lengthOfMonth(); d++) {
                UsageEntity u = new UsageEntity();
                u.setMachineId(m.getId());
                u.setDay(period.getYear() * 10000 + period.getMonthValue() * 100 + d);
                u.setAccountId(m.getAccountId());
                u.setAccountPath(m.getAccountPath());
                u.setSerial(m.getSerial());
                u.setHostname(m.getHostname());
                u.setPlanId(m.getPlanId());
                u.setExtensions(m.getExtensions());
                u.setTenants(m.getTenants());
                u.setLiveSeconds(d == 1 ? 43_200 : 86_400);
                u.setRecordedAt(Instant.now());
                em.persist(u);
            }
            return period.lengthOfMonth();
        });
    }

    /** A port of the generated client, sending a UsernameToken (PasswordText) header with every call. */
    private BillingService billing(String user, String password) throws Exception {
        JaxWsProxyFactoryBean f = new JaxWsProxyFactoryBean();
        f.setServiceClass(BillingService.class);
        f.setAddress("http://127.0.0.1:" + httpPort() + "/mtm/soap/BillingService");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(BillingIT.class.getClassLoader());
        try {
            BillingService port = (BillingService) f.create();
            ((BindingProvider) port).getRequestContext().put(Header.HEADER_LIST,
                List.of(new Header(new QName(WSSE, "Security"), usernameToken(user, password))));
            return port;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Element usernameToken(String user, String password) throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element security = d.createElementNS(WSSE, "wsse:Security");
        Element token = d.createElementNS(WSSE, "wsse:UsernameToken");
        Element name = d.createElementNS(WSSE, "wsse:Username");
        name.setTextContent(user);
        Element pw = d.createElementNS(WSSE, "wsse:Password");
        pw.setAttribute("Type", PASSWORD_TEXT);
        pw.setTextContent(password);
        token.appendChild(name);
        token.appendChild(pw);
        security.appendChild(token);
        return security;
    }

    interface SoapCall {
        Object call() throws Exception;
    }

    /** The fault code of a call that must fail with a BillingFault; its detail carries no data. */
    private static String fault(SoapCall call) {
        BillingFault f = assertThrows(BillingFault.class, call::call);
        assertTrue("a fault names its code", f.getFaultInfo() != null && f.getFaultInfo().getCode() != null);
        return f.getFaultInfo().getCode();
    }

}
