package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.PortalWorld.FAR;
import static org.mtmanager.itests.PortalWorld.FAR_PW;
import static org.mtmanager.itests.PortalWorld.JOSE;
import static org.mtmanager.itests.PortalWorld.JOSE_PW;
import static org.mtmanager.itests.PortalWorld.RAMON;
import static org.mtmanager.itests.PortalWorld.RAMON_PW;
import static org.mtmanager.itests.ProcessTestSupport.API;
import static org.mtmanager.itests.ProcessTestSupport.ok;

import org.junit.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the portal is reached, in a real browser against the distribution that {@link PortalIT} boots: served beside
 * the API with its security headers, over HTTPS with a secure cookie, back to the login when the session ends, a
 * refused address's page, and the language of the browser or the switch.
 */
public class PortalSessions {
    private final PortalWorld w = PortalIT.world();

    @Test
    public void thePortalIsServedBesideTheApiWithItsSecurityHeadersAndNothingElse() {
        Http anonymous = new Http(w.d.httpPort(), null, null, "127.0.0.1");
        Http.Response folder = anonymous.get("/mtm/portal");
        assertEquals(folder.toString(), 301, folder.status());
        assertEquals("/mtm/portal/", folder.headers().get("location"));
        Http.Response page = anonymous.get("/mtm/portal/");
        assertEquals(200, page.status());
        assertTrue(page.headers().get("content-security-policy"), page.headers().get("content-security-policy").contains("script-src 'self'"));
        assertEquals("nosniff", page.headers().get("x-content-type-options"));
        assertEquals("DENY", page.headers().get("x-frame-options"));
        assertEquals(304, anonymous.withHeader("If-None-Match", page.headers().get("etag")).get("/mtm/portal/").status());
        for (String hidden : new String[] {"/mtm/portal/org/mtmanager/portal/PortalServer.class", "/mtm/portal/META-INF/MANIFEST.MF",
            "/mtm/portal/OSGI-INF/org.mtmanager.portal.PortalServer.xml"}) {
            assertEquals(hidden, 404, anonymous.get(hidden).status());
        }
    }

    @Test
    public void anEndedSessionTakesThePageBackToTheLogin() throws Exception {
        try (Browser b = new Browser("en")) {
            b.login(w.base, JOSE, JOSE_PW);
            b.find("#no-machines");
            // Ended elsewhere (as an idle timeout or a revocation from another browser ends it).
            Http jose = new Http(w.d.httpPort(), JOSE, JOSE_PW, "127.0.0.1");
            for (JsonNode s : ok(jose.get(API + "/users/me/sessions"))) {
                assertEquals(2, jose.delete(API + "/users/me/sessions/" + s.get("id").asLong()).status() / 100);
            }
            b.click("#nav-logs");
            assertTrue(b.find("#session-expired").getText().contains("session has ended"));
            assertTrue("no menu without a session", b.all("#nav a").stream().noneMatch(WebElement::isDisplayed));
        }
    }

    @Test
    public void thePortalWorksOverHttpsWithASecureCookie() throws Exception {
        try (Browser b = new Browser("en")) {
            String https = "https://127.0.0.1:" + w.d.httpsPort() + "/mtm/portal/";
            b.login(https, JOSE, JOSE_PW);
            b.find("#no-machines");
            Object secure = b.asyncJs("fetch('../api/v1/sessions/current', {headers: {'X-Requested-With': 'mtm-portal'}})"
                + ".then(r => done(r.status))");
            assertEquals(200L, secure);
            Cookie cookie = b.driver.manage().getCookieNamed("MTM_SESSION");
            assertTrue(cookie.toString(), cookie.isSecure() && cookie.isHttpOnly() && "Strict".equals(cookie.getSameSite()));
            assertEquals("/mtm", cookie.getPath());
            b.logout();
            assertEquals("logging out clears the cookie", null, b.driver.manage().getCookieNamed("MTM_SESSION"));
            assertTrue(b.driver.getCurrentUrl().startsWith("https://"));
        }
    }

    @Test
    public void aRefusedAddressGetsTheWhitelistPage() throws Exception {
        try (Browser b = new Browser("en")) {
            b.login(w.base, FAR, FAR_PW);
            WebElement page = b.find("#ip-refused");
            assertTrue(page.getText(), page.getText().contains("Your address is not allowed"));
            assertTrue("no menu for a refused address", b.all("#nav a").stream().noneMatch(WebElement::isDisplayed));
            b.screenshot("whitelist-refused");
        }
    }

    @Test
    public void theLanguageFollowsTheBrowserAndTheSwitch() throws Exception {
        try (Browser b = new Browser("es-ES")) {
            b.open(w.base);
            assertEquals("Entrar", b.find("#login-submit").getText());
            assertEquals("es", b.js("document.documentElement.lang"));
            b.login(w.base, RAMON, RAMON_PW);
            assertEquals("Inicio", b.find("#nav-home").getText());
            assertEquals("Extensiones", b.find("#total-extensions .label").getText());
            b.screenshot("home-es");
            b.find("#lang-switch option[value=en]").click();
            b.untilJs("document.querySelector('#nav-home').textContent === 'Home'");
            assertEquals("Extensions", b.find("#total-extensions .label").getText());
            assertEquals("Log out", b.find("#logout").getText());
            // The choice outlives a reload (the session too: the cookie, nothing stored by the page).
            b.driver.navigate().refresh();
            assertEquals("Home", b.find("#nav-home").getText());
            b.click("#nav-security");
            assertEquals("This session", b.find("#sessions strong").getText());
            b.logout();
            // Logged out means logged out: a reload finds no session.
            b.driver.navigate().refresh();
            b.find("#login-form");
            assertEquals("Sign in", b.find("#login-submit").getText());
        }
    }
}
