package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.naming.Referenceable;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Locked settings are refused (and the refusal audited) on every facade; the audit chain verifies, and stops
 * verifying when an entry is altered in the database behind the platform's back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SettingsAndAuditIT extends MtmTestSupport {
    static final String LOCKED = "network.reserved-port-range";

    @Inject
    @Filter("(osgi.jndi.service.name=mtm)")
    protected DataSource dataSource;

    @Inject
    protected BundleContext context;

    /**
     * Derby imports nothing and counts on "DynamicImport-Package: *", which Felix may fail to wire while another
     * thread holds its global lock (the boot then dies with NoClassDefFoundError: javax/naming/Referenceable). The
     * distribution boot-delegates the JDK packages Derby needs, so no dynamic wire is ever made for them.
     */
    @Test
    public void derbyGetsTheJdkPackagesItNeedsWithoutDynamicImports() throws Exception {
        Bundle derby = Arrays.stream(context.getBundles())
            .filter(b -> "derby".equals(b.getSymbolicName())).findFirst().orElseThrow();
        Class<?> embedded = derby.loadClass("org.apache.derby.jdbc.EmbeddedDataSource");
        assertTrue(Referenceable.class.isAssignableFrom(embedded));
        try (Connection c = dataSource.getConnection()) {
            assertTrue(c.isValid(5));
        }
        List<Object> wired = derby.adapt(BundleWiring.class)
            .getRequiredWires("osgi.wiring.package").stream()
            .map(w -> w.getCapability().getAttributes().get("osgi.wiring.package")).toList();
        for (String jdk : List.of("javax.naming", "javax.naming.spi", "javax.naming.directory", "javax.sql",
            "javax.management", "javax.crypto")) {
            assertFalse(jdk + " is boot-delegated, not wired: " + wired, wired.contains(jdk));
        }
    }

    @Test
    public void aLockedSettingIsRefusedOnEveryFacadeAndAudited() throws Exception {
        String pw = "Operator-pass-1";
        String op = unique("operator");
        createAccountWithAdmin("operator", unique("Operator"), op, pw);
        Http operator = http(op, pw);

        JsonNode setting = ok(operator.get(API + "/settings/" + LOCKED));
        assertTrue(setting.get("locked").asBoolean());
        assertEquals("10000-19999", setting.get("value").asText());

        Http.Response rest = operator.put(API + "/settings/" + LOCKED, Map.of("value", "20000-29999"));
        assertEquals(rest.toString(), 403, rest.status());
        assertEquals("SETTING_LOCKED", rest.json().get("error").asText());
        assertTrue(rest.json().get("message").asText().contains("locked"));

        Soap.Reply soap = soap(op, pw).call("setSetting", "<v1:key>" + LOCKED + "</v1:key><v1:value>20000-29999</v1:value>");
        assertTrue(soap.isFault());
        assertEquals("SETTING_LOCKED", soap.faultCode());

        ShellResult cli = shellAs(op, pw, "mtm:setting-set " + LOCKED + " 20000-29999");
        assertTrue(cli.failed());
        assertTrue(cli.errorMessage(), cli.errorMessage().startsWith("SETTING_LOCKED"));

        assertEquals("10000-19999", ok(operator.get(API + "/settings/" + LOCKED)).get("value").asText());
        JsonNode denied = ok(admin().get(API + "/audit?action=setting.set&outcome=DENIED&actor=" + op));
        assertEquals(3, denied.get("total").asLong());
        JsonNode channels = denied.get("items");
        assertEquals("SHELL", channels.get(0).get("channel").asText());
        assertEquals("SOAP", channels.get(1).get("channel").asText());
        assertEquals("REST", channels.get(2).get("channel").asText());
        // The operator sees its own refusals too.
        assertEquals(3, ok(operator.get(API + "/audit?action=setting.set&outcome=DENIED")).get("total").asLong());

        // An unlocked one is platform-wide too, the same for every operator: only the platform changes it.
        String idle = "portal.session-idle-minutes";
        String before = ok(operator.get(API + "/settings/" + idle)).get("value").asText();
        Http.Response restUnlocked = operator.put(API + "/settings/" + idle, Map.of("value", "45"));
        assertEquals(restUnlocked.toString(), 403, restUnlocked.status());
        assertEquals("FORBIDDEN", restUnlocked.json().get("error").asText());
        assertTrue(restUnlocked.toString(), restUnlocked.json().get("message").asText().contains("platform-wide"));
        Soap.Reply soapUnlocked = soap(op, pw).call("setSetting", "<v1:key>" + idle + "</v1:key><v1:value>45</v1:value>");
        assertTrue(soapUnlocked.isFault());
        assertEquals("FORBIDDEN", soapUnlocked.faultCode());
        ShellResult cliUnlocked = shellAs(op, pw, "mtm:setting-set " + idle + " 45");
        assertTrue(cliUnlocked.failed());
        assertTrue(cliUnlocked.errorMessage(), cliUnlocked.errorMessage().startsWith("FORBIDDEN"));
        assertEquals(before, ok(operator.get(API + "/settings/" + idle)).get("value").asText());
        // The platform administrator changes both kinds.
        ok(admin().put(API + "/settings/" + idle, Map.of("value", before)));
        ok(admin().put(API + "/settings/" + LOCKED, Map.of("value", "10000-19999")));
    }

    @Test
    public void theAuditChainVerifiesAndDetectsTampering() throws Exception {
        String pw = "Audit-pass-1";
        createAccountWithAdmin("reseller", unique("Audited"), unique("audited"), pw);
        JsonNode intact = ok(admin().get(API + "/audit/verify"));
        assertTrue(intact.toString(), intact.get("intact").asBoolean());
        assertTrue(intact.get("entriesChecked").asLong() > 3);
        ShellResult cli = shellAs("admin", adminPassword(), "mtm:audit-verify");
        assertFalse(cli.errorMessage(), cli.failed());
        assertTrue(cli.output(), cli.output().contains("INTACT"));

        String original;
        try (Connection c = dataSource.getConnection();
             PreparedStatement read = c.prepareStatement("SELECT DETAIL FROM MTM_AUDIT WHERE SEQ = 2");
             ResultSet rs = read.executeQuery()) {
            assertTrue(rs.next());
            original = rs.getString(1);
        }
        update("tampered with");
        try {
            JsonNode broken = ok(admin().get(API + "/audit/verify"));
            assertFalse(broken.toString(), broken.get("intact").asBoolean());
            assertEquals(2, broken.get("firstBadSeq").asLong());
            ShellResult cliBroken = shellAs("admin", adminPassword(), "mtm:audit-verify");
            assertTrue(cliBroken.failed());
            assertTrue(cliBroken.output(), cliBroken.output().contains("BROKEN"));
        } finally {
            update(original);
        }
        assertTrue(ok(admin().get(API + "/audit/verify")).get("intact").asBoolean());

        // Only platform administrators verify; the export is CSV.
        String reseller = unique("auditor");
        createAccountWithAdmin("reseller", unique("Auditor"), reseller, pw);
        assertEquals(403, http(reseller, pw).get(API + "/audit/verify").status());
        Http.Response csv = admin().get(API + "/audit/export?action=account.*");
        assertEquals(200, csv.status());
        assertTrue(csv.headers().get("content-type").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("seq,time,actor"));
    }

    private void update(String detail) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE MTM_AUDIT SET DETAIL = ? WHERE SEQ = 2")) {
            st.setString(1, detail);
            assertEquals(1, st.executeUpdate());
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
