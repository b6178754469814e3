package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.PortalWorld.DISTRIBUTOR;
import static org.mtmanager.itests.PortalWorld.DISTRIBUTOR_PW;
import static org.mtmanager.itests.PortalWorld.JOSE;
import static org.mtmanager.itests.PortalWorld.JOSE_PW;
import static org.mtmanager.itests.PortalWorld.OPERATOR;
import static org.mtmanager.itests.PortalWorld.OPERATOR_PW;
import static org.mtmanager.itests.PortalWorld.PREFIX;
import static org.mtmanager.itests.PortalWorld.RAMON;
import static org.mtmanager.itests.PortalWorld.RAMON_PW;
import static org.mtmanager.itests.PortalWorld.only;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The slides' journeys through the web portal in a real browser (headless Chromium), against the distribution and
 * real container machines that {@link PortalIT} boots ({@link PortalWorld}). Everything asserted is done through
 * the portal's pages; the REST API only sets up and double-checks.
 */
public class PortalJourneys {
    private final PortalWorld w = PortalIT.world();

    @Test
    public void aResellerCreatesOpensUpgradesStopsAndDeletesASystem() throws Exception {
        try (Browser b = new Browser("en")) {
            b.login(w.base, RAMON, RAMON_PW);
            b.find("tr[data-hostname=pbx-ramon-1]");
            b.untilJs("[...document.querySelectorAll('#machines tbody tr')].every(r => r.dataset.state === 'RUNNING')");
            assertEquals("the totals billed: every extension and tenant of the reseller's machines", "20",
                b.find("#total-extensions .value").getText());
            assertEquals("3", b.find("#total-tenants .value").getText());
            // The session is a cookie the page cannot read, and a change without the session's CSRF token is refused.
            assertFalse(String.valueOf(b.js("document.cookie")).contains("MTM_SESSION"));
            assertEquals("403 X-CSRF-Token", b.asyncJs("fetch('../api/v1/machines/drafts', {method: 'POST', headers: "
                + "{'Content-Type': 'application/json', 'X-Requested-With': 'mtm-portal'}, body: '{}'})"
                + ".then(r => r.json().then(j => done(r.status + ' ' + j.field)))"));

            // Step 1, the customer-data form: an error lands beside the field the API names.
            ok(w.admin.put(API + "/settings/pbx.upgrade-path", Map.of("value", "15.0")));
            b.click("#nav-create");
            b.type("[name=hostname]", "Not a DNS label!");
            b.click("#create-next");
            WebElement error = b.find(".field-error[data-field=hostname]");
            assertTrue(error.getText(), error.getText().contains("DNS label"));
            assertEquals("the error sits in the hostname's own field", "hostname",
                b.js("document.querySelector('.field-error').closest('.field').querySelector('[name]').name"));
            b.screenshot("create-step1-error");
            b.type("[name=hostname]", "pbx-portal");
            Map<String, String> c = Map.of("company", "Portal SL", "contact", "Eva", "email", "eva@example.com",
                "phone", "+34 600 111 222", "address", "Calle Mayor 1", "taxId", "B12345678");
            for (Map.Entry<String, String> e : c.entrySet()) {
                b.type("[name='customer." + e.getKey() + "']", e.getValue());
            }
            b.click("#create-next");
            // Step 2: create; the machine is in the list at once, then goes live.
            assertTrue(b.find("#draft").getText().contains("Portal SL"));
            b.screenshot("create-step2");
            b.click("#create-submit");
            Object first = b.untilJs("(document.querySelector('tr[data-hostname=pbx-portal]') || {dataset: {}}).dataset.state");
            assertTrue(String.valueOf(first), List.of("CREATING", "RUNNING").contains(first));
            b.untilJs("document.querySelector('tr[data-hostname=pbx-portal]').dataset.state === 'RUNNING'");
            ok(w.admin.put(API + "/settings/pbx.upgrade-path", Map.of("value", "15.0 > 15.3 > 16.0 > 16.2")));
            JsonNode m = only(w.admin.get(API + "/machines?search=pbx-portal").json());
            assertEquals("the Open link is this machine's own web UI, in a new tab", m.get("openUrl").asText(),
                b.find("tr[data-hostname=pbx-portal] a[data-action=open]").getAttribute("href"));
            assertEquals("_blank", b.find("tr[data-hostname=pbx-portal] a[data-action=open]").getAttribute("target"));

            // The machine page: its four parts, SIP shown locked, and SSH granted gets its external port.
            b.click("tr[data-hostname=pbx-portal] a.hostname");
            assertEquals(m.get("serial").asText(), b.find("#machine-serial").getText());
            assertTrue(b.find("#customer-data").getText().contains("Portal SL"));
            assertTrue(b.find("#sip-locked").getText().contains("Locked"));
            assertTrue("nothing to revoke on SIP", b.all("#sip-locked button").isEmpty());
            b.type("#grant-form [name=source]", "198.51.100.7");
            b.find("#grant-form [name=service] option[value=ssh]").click();
            b.click("#grant-form button[type=submit]");
            WebElement forward = b.find("#forwards li.forward[data-service=ssh]");
            int port = ok(w.admin.get(API + "/machines/" + m.get("id").asLong() + "/access")).get("forwards").get(0).get("externalPort").asInt();
            assertTrue(forward.getText(), forward.getText().startsWith("SSH → " + port));
            assertTrue(port >= 10000 && port <= 19999);
            assertTrue("the grant's toast is up", b.all("#toasts .toast").size() > 0);
            assertEquals("toasts cover no card (the Ports card included)", "", b.toastsOverContent());
            // Apps are activated from the parameters part, and billed from then on.
            b.click("#app-cloudphone");
            b.untilJs("document.querySelector('#app-cloudphone').checked && !document.querySelector('#app-cloudphone').disabled");
            b.untilJs("document.querySelector('#machine-serial') !== null && document.querySelector('#app-cloudphone').checked");
            assertEquals("cloudphone", ok(w.admin.get(API + "/machines/" + m.get("id").asLong())).get("apps").get(0).asText());
            b.screenshot("machine");
            b.click("#nav-home");
            b.untilJs("(document.querySelector('tr[data-hostname=pbx-portal]') || {textContent: ''}).textContent.includes('CloudPhone')");
            assertEquals("the app's name, as on the machine page", "CloudPhone", b.find("tr[data-hostname=pbx-portal] td.apps").getText());
            b.screenshot("home");
            b.click("tr[data-hostname=pbx-portal] a.hostname");

            // Upgrade: the password again (a wrong one is refused beside the field), then every step as it goes.
            b.click(".machine-head [data-action=upgrade]");
            b.type("dialog [name=password]", "not-my-password");
            b.click("#dlg-ok");
            b.find("dialog .field-error[data-field=password]");
            b.type("dialog [name=password]", RAMON_PW);
            b.click("#dlg-ok");
            b.untilJs("(document.querySelector('#upgrade-status') || {dataset: {}}).dataset.state === 'SUCCEEDED'");
            assertTrue(b.find("#upgrade-status").getText().contains("16.2"));
            List<WebElement> steps = b.all("#upgrade-dialog li.step");
            assertEquals(3, steps.size());
            for (WebElement s : steps) {
                assertEquals(s.getText(), "done", s.getAttribute("data-status"));
            }
            assertTrue(steps.get(2).getText(), steps.get(2).getText().endsWith("→ 16.2"));
            b.screenshot("upgrade");
            assertEquals("nothing kept in the browser but the language", 0L,
                b.js("Object.keys(localStorage).filter(k => k !== 'mtm.lang').length + sessionStorage.length"));
            assertFalse(b.driver.getCurrentUrl().contains(RAMON_PW));
            assertFalse(String.valueOf(b.js("JSON.stringify(localStorage)")).contains(RAMON_PW));
            b.click("#upgrade-close");
            b.untilJs("document.querySelector('#machine-serial').parentElement.textContent.includes('16.2')");
            assertTrue("nothing to upgrade to on the latest version", b.all(".machine-head [data-action=upgrade]").isEmpty());

            // Stop asks first; delete is offered only once stopped, and asks for the password.
            assertTrue("no delete while running", b.all(".machine-head [data-action=delete]").isEmpty());
            b.untilJs("document.querySelector('.machine-head [data-action=stop]') !== null");
            b.click(".machine-head [data-action=stop]");
            assertTrue(b.find("dialog .confirm-text").getText().contains("pbx-portal"));
            b.click("#dlg-cancel");
            assertEquals("RUNNING", ok(w.admin.get(API + "/machines/" + m.get("id").asLong())).get("state").asText());
            b.click(".machine-head [data-action=stop]");
            b.click("#dlg-ok");
            b.find(".machine-head [data-action=delete]");
            assertEquals("STOPPED", ok(w.admin.get(API + "/machines/" + m.get("id").asLong())).get("state").asText());
            b.click(".machine-head [data-action=delete]");
            b.type("dialog [name=password]", RAMON_PW);
            b.click("#dlg-ok");
            b.untilJs("document.querySelector('.machine-head .badge').dataset.state === 'DELETED'");
            b.click("#nav-home");
            b.find("tr[data-hostname=pbx-ramon-1]");
            assertTrue("a deleted machine leaves the list", b.all("tr[data-hostname=pbx-portal]").isEmpty());
            assertEquals("the Machines tile counts what the list holds, not the deleted ones",
                String.valueOf(b.all("#machines tbody tr").size()), b.find("#total-machines .value").getText());
            assertFalse(Containers.namespaceExists(PREFIX, m.get("serial").asText()));
        }
    }

    @Test
    public void aSecondResellerSeesNoneOfTheFirstsMachines() throws Exception {
        try (Browser b = new Browser("en")) {
            b.login(w.base, JOSE, JOSE_PW);
            b.find("#no-machines");
            assertEquals("0", b.find("#total-extensions .value").getText());
            b.type("#search", "pbx-ramon");
            b.untilJs("document.querySelector('#page-prev') && document.querySelector('.page-info').textContent.includes('0')");
            assertTrue(b.all("tr[data-hostname]").isEmpty());
            b.open(w.base + "#/machines/" + w.ramonsMachine);
            WebElement refused = b.find(".form-error[data-code=NOT_FOUND]");
            assertFalse(refused.getText(), refused.getText().contains("pbx-ramon-1"));
        }
    }

    @Test
    public void aDistributorGetsDirectLinksToItsMachinesWithWebAccessOnly() throws Exception {
        try (Browser b = new Browser("en")) {
            b.login(w.base, DISTRIBUTOR, DISTRIBUTOR_PW);
            WebElement link = b.find("tr[data-hostname=pbx-hotel] a.direct");
            JsonNode hotel = only(ok(w.admin.get(API + "/machines?search=pbx-hotel")));
            assertEquals(hotel.get("openUrl").asText(), link.getAttribute("href"));
            assertEquals(hotel.get("openUrl").asText(), link.getText());
            assertEquals("_blank", link.getAttribute("target"));
            assertTrue("the platform prepares, starts and stops them", b.all("[data-action=stop], [data-action=delete], "
                + "[data-action=upgrade], #nav-create, #create-link").isEmpty());
            b.screenshot("home-distributor");
            b.click("tr[data-hostname=pbx-hotel] a.hostname");
            b.find("#grant-form");
            assertEquals(List.of("web", "https"), b.all("#grant-form [name=service] option").stream()
                .map(o -> o.getAttribute("value")).toList());
        }
    }

    @Test
    public void thePlatformSeesEveryResellerAndAnOperatorSeesLockedSettingsReadOnly() throws Exception {
        try (Browser b = new Browser("en")) {
            b.login(w.base, "admin", w.d.adminPassword());
            WebElement resellers = b.find("#reseller-list");
            assertTrue(resellers.getText(), resellers.getText().contains("MaquinasRamon") && resellers.getText().contains("MaquinasJoseAntonio"));
            b.find("tr[data-hostname=pbx-ramon-1]");
            assertEquals("the owner of every machine", "MaquinasRamon", b.find("tr[data-hostname=pbx-ramon-1] td.owner").getText());
            assertEquals("Distribuciones Sur", b.find("tr[data-hostname=pbx-hotel] td.owner").getText());
            b.screenshot("home-platform");
            // What the month's bill will count, and the month's statement so far.
            b.click("#nav-reports");
            b.untilJs("(document.querySelector('#active-users') || {textContent: ''}).textContent.includes('pbx-ramon-1')");
            assertEquals("a count of zero is shown as one", List.of("20", "1", "0", "0"), b.all("#active-users tr[data-hostname=pbx-hotel] td.num")
                .stream().map(WebElement::getText).toList());
            b.find("#report-account option[data-name='Distribuciones Sur']").click();
            b.untilJs("(document.querySelector('#active-users') || {textContent: ''}).textContent.includes('pbx-hotel') "
                + "&& !document.querySelector('#active-users').textContent.includes('pbx-ramon-1')");
            assertTrue(b.find("#active-users .totals-line").getText(), b.find("#active-users .totals-line").getText().startsWith("1 system · 20 extensions · 1 tenant"));
            b.find("#report-account option[data-mine]").click();
            b.click("#statement-form button[type=submit]");
            assertTrue("no price list yet: said on the form", b.find("#statement-form .form-error[data-code=RULE_VIOLATION]").getText()
                .contains("no price list"));
            ok(w.admin.put(API + "/price-lists/1", Map.of("currency", "EUR", "ratingMode", "PRO_RATA", "prices", Map.of("USER", 2.5))));
            b.click("#statement-form button[type=submit]");
            String period = YearMonth.now(ZoneOffset.UTC).toString();
            String head = b.find("#statement p").getText();
            assertTrue(head, head.contains("Period " + period) && head.contains("EUR"));
            b.screenshot("reports");
            b.logout();

            b.login(w.base, OPERATOR, OPERATOR_PW);
            b.click("#nav-settings");
            WebElement locked = b.find("#settings tr[data-key='network.reserved-port-range']");
            assertEquals("true", locked.getAttribute("data-locked"));
            assertTrue(locked.getText(), locked.getText().contains("Locked: "));
            assertTrue("shown, not editable", locked.findElements(By.cssSelector("input, select, button")).isEmpty());
            assertEquals("10000-19999", locked.findElement(By.cssSelector(".readonly")).getText());
            WebElement open = b.find("#settings tr[data-key='machine.default-plan']");
            assertTrue("platform-wide settings are the platform's to change", open.findElements(By.cssSelector("[name=value]")).isEmpty());
            b.find("#plans tr[data-name=SS]");
            b.find("#apps-catalog tr[data-key=cloudphone]");
            b.find("#did-routes");
            assertTrue("the SIP edge is the platform's", b.all("#sip-edge").isEmpty());
            assertEquals("every control has its own label, and no id is used twice", "", b.accessibilityProblems());
            b.screenshot("settings");
        }
    }

    @Test
    public void thePlatformImportsDidRoutesAndApprovesTheResellersPlanChange() throws Exception {
        Path bad = Files.writeString(Files.createTempFile("mtmpt-dids", ".csv"),
            "number,machine,description\n+34915550,pbx-ramon-1,Madrid\n+34x,pbx-nowhere,bad\n");
        Path good = Files.writeString(Files.createTempFile("mtmpt-dids", ".csv"),
            "number,machine,description\n+34915550,pbx-ramon-1,Madrid\n+34955123,pbx-ramon-2,Sevilla\n");
        try (Browser b = new Browser("en")) {
            b.login(w.base, RAMON, RAMON_PW);
            b.find("tr[data-hostname=pbx-ramon-2] a.hostname").click();
            b.find("#plan-form [name=plan] option[value=M]").click();
            b.type("#plan-form [name=reason]", "Forty more extensions");
            b.click("#plan-form button[type=submit]");
            b.type("dialog [name=password]", RAMON_PW);
            b.click("#dlg-ok");
            WebElement request = b.find("#plan-change-list tr[data-state=PENDING]");
            assertTrue(request.getText(), request.getText().contains("Pending approval") && request.getText().contains("S → M"));
            b.logout();

            b.login(w.base, "admin", w.d.adminPassword());
            b.click("#nav-settings");
            b.find("#settings tr[data-key='machine.default-plan'] [name=value]");
            assertEquals("the platform's settings: every control has its own label, and no id is used twice", "",
                b.accessibilityProblems());
            b.find("#did-import [name=file]").sendKeys(bad.toString());
            b.click("#did-import button[type=submit]");
            WebElement error = b.find("#did-import .field-error[data-field=file]");
            assertTrue(error.getText(), error.getText().contains("line 3") && error.getText().contains("pbx-nowhere"));
            assertTrue("all or nothing", b.all("#did-routes tbody tr").isEmpty());
            b.find("#did-import [name=file]").sendKeys(good.toString());
            b.click("#did-import button[type=submit]");
            b.untilJs("document.querySelectorAll('#did-routes tbody tr').length === 2");
            assertEquals("pbx-ramon-2", b.find("#did-routes tr[data-number='+34955123'] a").getText());
            b.screenshot("did-routes");

            // The SIP edge's state, for the platform: it runs, and after a reload it holds the two routes just imported.
            b.click("#sip-edge-sync");
            b.untilJs("document.querySelector('#sip-edge table[data-running=true]') !== null"
                + " && document.querySelector('#sip-edge').textContent.includes('2 at the edge, 2 in the database')");
            assertTrue("no carrier listed yet, said as a problem", b.find("#sip-edge-problems").getText().contains("sip.carriers"));

            b.open(w.base + "#/home");
            b.click("tr[data-hostname=pbx-ramon-2] a.hostname");
            b.click("#plan-change-list tr[data-state=PENDING] button");
            b.type("dialog [name=password]", w.d.adminPassword());
            b.click("#dlg-ok");
            WebElement decided = b.find("#plan-change-list tr[data-state=APPROVED]");
            assertTrue(decided.getText(), decided.getText().contains("Approved") && decided.getText().contains("admin"));
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
    }

}
