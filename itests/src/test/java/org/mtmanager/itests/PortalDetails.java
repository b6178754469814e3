package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.PortalWorld.JOSE;
import static org.mtmanager.itests.PortalWorld.JOSE_PW;
import static org.mtmanager.itests.PortalWorld.RAMON;
import static org.mtmanager.itests.PortalWorld.RAMON_PW;
import static org.mtmanager.itests.PortalWorld.only;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.ok;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a person notices on the portal's pages beyond the journeys: no console errors, labels and ids, words and
 * dates, where toasts and errors go, lists that follow changes, the account's own whitelist, and how the files are
 * served. Runs in {@link PortalIT}, on its {@link PortalWorld}.
 */
public class PortalDetails {
    private final PortalWorld w = PortalIT.world();

    @Test
    public void assetsAreCompressedAndVersionedOnesCachedForGoodWhileThePageIsRevalidated() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String root = "http://127.0.0.1:" + w.d.httpPort() + "/mtm/portal/";
        HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(URI.create(root)).header("Accept-Encoding", "gzip, deflate, br").build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, page.statusCode());
        assertEquals("gzip", page.headers().firstValue("content-encoding").orElse(null));
        assertEquals("Accept-Encoding", page.headers().firstValue("vary").orElse(null));
        assertEquals("the page is asked for again on every load", "no-cache", page.headers().firstValue("cache-control").orElse(null));
        String html = gunzip(page.body());
        Matcher boot = Pattern.compile("src=\"(v/[0-9a-f]{12,}/js/boot\\.js)\"").matcher(html);
        assertTrue("the page names its scripts with the version of their content: " + html, boot.find());
        assertTrue(html, html.matches("(?s).*href=\"v/[0-9a-f]{12,}/css/portal\\.css\".*"));
        HttpResponse<byte[]> script = client.send(HttpRequest.newBuilder(URI.create(root + boot.group(1))).header("Accept-Encoding", "gzip").build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, script.statusCode());
        assertEquals("gzip", script.headers().firstValue("content-encoding").orElse(null));
        assertEquals("public, max-age=31536000, immutable", script.headers().firstValue("cache-control").orElse(null));
        assertTrue(gunzip(script.body()).contains("import('./main.js')"));
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(URI.create(root + boot.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue("a client that takes no gzip gets the file as it is", plain.headers().firstValue("content-encoding").isEmpty());
        assertTrue(plain.body().contains("import('./main.js')"));
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    public void theSignInPageOffersNoLogOutAndItsButtonFailsNothing() throws Exception {
        try (Browser b = new Browser("en")) {
            b.open(w.base);
            b.find("#login-form");
            assertFalse("no Log out without a session", b.driver.findElement(By.id("logout")).isDisplayed());
            assertEquals("whatever is hidden is not shown", 0L,
                b.js("[...document.querySelectorAll('[hidden]')].filter(e => getComputedStyle(e).display !== 'none').length"));
            b.js("(window.mtmRejections = [], window.addEventListener('unhandledrejection', e => window.mtmRejections.push(String(e.reason))),"
                + " document.querySelector('#login-form').dataset.before = 'yes', document.getElementById('logout').click(), true)");
            b.untilJs("document.querySelector('#login-form') && !document.querySelector('#login-form[data-before]')");
            assertEquals("", b.js("window.mtmRejections.join()"));
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    public void aResellersFormsGetWhatTheyNeedWithoutErrors() throws Exception {
        ok(w.admin.put(API + "/settings/machine.default-plan", Map.of("value", "M")));
        try (Browser b = new Browser("en")) {
            b.login(w.base, JOSE, JOSE_PW);
            b.find("#no-machines");
            assertEquals(List.of(), b.consoleErrors());
            b.click("#nav-create");
            b.find("#create-form [name=plan]");
            assertEquals("the platform's default plan is offered first", "M", b.js("document.querySelector('[name=plan]').value"));
            assertEquals("the hostname's pattern is valid where the browser checks it (the v flag)", "ok",
                b.js("(() => { try { new RegExp('^(?:' + document.querySelector('[name=hostname]').pattern + ')$', 'v'); return 'ok'; }"
                    + " catch (e) { return String(e); } })()"));
            b.type("[name=hostname]", "pbx-jose");
            assertEquals("no error on the create form", List.of(), b.consoleErrors());
            assertEquals("", b.accessibilityProblems());
            b.click("#nav-security");
            b.find("#sessions table");
            assertEquals("", b.accessibilityProblems());
            assertEquals(List.of(), b.consoleErrors());
        } finally {
            ok(w.admin.put(API + "/settings/machine.default-plan", Map.of("value", "S")));
        }
    }

    @Test
    public void anErrorInADialogComesBelowItsTitle() throws Exception {
        long id = only(ok(w.admin.get(API + "/machines?search=pbx-ramon-1"))).get("id").asLong();
        try (Browser b = new Browser("en")) {
            b.login(w.base, RAMON, RAMON_PW);
            b.open(w.base + "#/machines/" + id);
            b.find("#machine-serial");
            assertTrue("16.2 is the latest version: no upgrade offered", b.all(".machine-head [data-action=upgrade]").isEmpty());
            ok(w.admin.put(API + "/settings/pbx.upgrade-path", Map.of("value", "16.2 > 16.3")));
            b.driver.navigate().refresh();
            b.click(".machine-head [data-action=upgrade]");
            assertTrue(b.find("dialog p").getText(), b.find("dialog p").getText().contains("16.3"));
            b.type("dialog [name=password]", RAMON_PW);
            // Meanwhile the platform takes 16.3 off the path: the upgrade is refused as there is nothing to do.
            ok(w.admin.put(API + "/settings/pbx.upgrade-path", Map.of("value", "15.0 > 15.3 > 16.0 > 16.2")));
            b.click("#dlg-ok");
            WebElement error = b.find("dialog .form-error");
            assertTrue(error.getText(), error.getText().contains("latest version"));
            assertEquals("below the dialog's title", 4L, b.js("document.querySelector('dialog h2').compareDocumentPosition("
                + "document.querySelector('dialog .form-error')) & 4"));
            b.screenshot("dialog-error");
        } finally {
            ok(w.admin.put(API + "/settings/pbx.upgrade-path", Map.of("value", "15.0 > 15.3 > 16.0 > 16.2")));
        }
    }

    @Test
    public void theLogsAndListsSpeakTheUsersWordsAndOneDateFormat() throws Exception {
        long id = only(ok(w.admin.get(API + "/machines?search=pbx-ramon-2"))).get("id").asLong();
        ok(w.admin.put(API + "/machines/" + id + "/apps/statexplorer", null));
        String date = "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}(:\\d{2})?";
        try (Browser b = new Browser("en")) {
            b.login(w.base, RAMON, RAMON_PW);
            assertEquals("the app's name, not its key", "StatExplorer", b.find("tr[data-hostname=pbx-ramon-2] td.apps").getText());
            assertEquals("a job's state is said once", "Queued",
                b.asyncJs("import(new URL('js/actions.js', document.baseURI)).then(m => done(m.jobText({state: 'QUEUED', step: 'queued'})))"));
            assertEquals("In progress · creating the machine", b.asyncJs("import(new URL('js/actions.js', document.baseURI))"
                + ".then(m => done(m.jobText({state: 'RUNNING', step: 'creating the machine'})))"));
            b.click("#nav-logs");
            WebElement row = b.find("#audit tr[data-action='machine.app-activate']");
            assertTrue(row.getText(), row.getText().contains("App activated"));
            String time = row.findElement(By.cssSelector("td")).getText();
            assertTrue(time, time.matches(date));
            WebElement from = b.find("#audit-filter [name=from]");
            assertEquals("a date is typed as the tables show it", "text", from.getAttribute("type"));
            assertEquals("dd/mm/yyyy", from.getAttribute("placeholder"));
            b.type("#audit-filter [name=from]", "31/02/2020");
            b.click("#audit-filter button[type=submit]");
            assertTrue(b.find("#audit-filter .field-error[data-field=from]").getText().contains("dd/mm/yyyy"));
            b.type("#audit-filter [name=from]", "01/01/2020");
            b.click("#audit-filter button[type=submit]");
            b.untilJs("!document.querySelector('#audit-filter .field-error') && document.querySelector(\"#audit tr[data-action='machine.app-activate']\")");
            b.screenshot("logs");
            b.open(w.base + "#/machines/" + id);
            String created = b.find("#pbx-settings").getText();
            assertTrue(created, created.matches("(?s).*Created\\s+" + date + ".*"));
            assertEquals("text", b.find("#grant-form [name=expiresAt]").getAttribute("type"));
            assertEquals("dd/mm/yyyy hh:mm", b.find("#grant-form [name=expiresAt]").getAttribute("placeholder"));
        }
        try (Browser b = new Browser("es-ES")) {
            b.login(w.base, RAMON, RAMON_PW);
            b.click("#nav-logs");
            assertEquals("dd/mm/aaaa", b.find("#audit-filter [name=from]").getAttribute("placeholder"));
            String time = b.find("#audit tr[data-action='machine.app-activate'] td").getText();
            assertTrue(time, time.matches(date));
            assertTrue(b.find("#audit tr[data-action='machine.app-activate']").getText().contains("App activada"));
        } finally {
            ok(w.admin.delete(API + "/machines/" + id + "/apps/statexplorer"));
        }
    }

    @Test
    public void theListsFollowChangesWithoutAReload() throws Exception {
        long acc = w.account("reseller", "Refresco SL", "refresco", "Refresco-pass-1");
        try (Browser b = new Browser("en")) {
            b.login(w.base, "refresco", "Refresco-pass-1");
            b.find("#no-machines");
            assertEquals("0", b.find("#total-machines .value").getText());
            // The platform prepares a machine for it: the list and the totals show it without a reload.
            long id = w.machine(acc, "pbx-refresco", 4, 1, "Refrescos SL");
            b.find("tr[data-hostname=pbx-refresco]");
            b.untilJs("document.querySelector('#total-machines .value').textContent === '1'");
            // A state change made elsewhere shows in the list too: it goes live, then the platform stops it.
            b.untilJs("document.querySelector('tr[data-hostname=pbx-refresco]').dataset.state === 'RUNNING'");
            ok(w.admin.post(API + "/machines/" + id + "/stop", Map.of("confirm", true)));
            b.untilJs("document.querySelector('tr[data-hostname=pbx-refresco]').dataset.state === 'STOPPED'");
            // The machine page too follows what others change (whatever state the machine is in meanwhile).
            b.click("tr[data-hostname=pbx-refresco] a.hostname");
            b.find("#machine-serial");
            assertFalse(b.find("#app-cloudphone").isSelected());
            ok(w.admin.put(API + "/machines/" + id + "/apps/cloudphone", null));
            b.untilJs("document.querySelector('#app-cloudphone') && document.querySelector('#app-cloudphone').checked");
        }
    }

    @Test
    public void aResellerSeesAndChangesItsOwnWhitelist() throws Exception {
        long acc = w.account("reseller", "Lista Blanca SL", "blanca", "Blanca-pass-12");
        try (Browser b = new Browser("en")) {
            b.login(w.base, "blanca", "Blanca-pass-12");
            b.click("#nav-security");
            b.find("#whitelist-empty");
            assertFalse("nothing the page leaves out shows as text", b.find("#view").getText().contains("null"));
            assertTrue("the role in words, not its key", b.find("#view").getText().contains("Reseller administrator"));
            b.type("#whitelist-form [name=cidr]", "198.18.0.9/32");
            b.click("#whitelist-form button[type=submit]");
            assertTrue("refused, as it would lock this browser out",
                b.find("#whitelist-form .field-error[data-field=cidr]").getText().contains("lock you out"));
            b.type("#whitelist-form [name=cidr]", "127.0.0.1");
            b.type("#whitelist-form [name=description]", "Office");
            b.click("#whitelist-form button[type=submit]");
            WebElement entry = b.find("#whitelist tr[data-cidr='127.0.0.1/32']");
            assertTrue(entry.getText(), entry.getText().contains("Office"));
            assertEquals("127.0.0.1/32", ok(w.admin.get(API + "/accounts/" + acc + "/whitelist")).get(0).get("cidr").asText());
            b.screenshot("whitelist");
            b.click("#whitelist tr[data-cidr='127.0.0.1/32'] button");
            b.click("#dlg-ok");
            b.find("#whitelist-empty");
            assertEquals(0, ok(w.admin.get(API + "/accounts/" + acc + "/whitelist")).size());
        }
    }
}
