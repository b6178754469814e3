package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Identity hardening (issue 7), the session side: cookie sessions with CSRF tokens, listing and revoking them,
 * the password again for dangerous actions on sessions and tokens (REST and SOAP), and an account that requires
 * two-factor authentication of its subtree.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SessionIT extends MtmTestSupport {

    /** A client that sends no Basic credentials, only the given session cookie (and CSRF token, when given). */
    private Http session(String key, String csrf) {
        Http h = new Http(httpPort(), null, null, "127.0.0.1").withHeader("Cookie", "MTM_SESSION=" + key)
            .withHeader("X-Requested-With", "mtm-portal");
        return csrf == null ? h : h.withHeader("X-CSRF-Token", csrf);
    }

    private record Login(String key, String csrf, long id) {
    }

    private Login openSession(String user, String pw) {
        Http.Response r = new Http(httpPort(), null, null, "127.0.0.1").post(API + "/sessions",
            Map.of("username", user, "password", pw));
        assertEquals(r.toString(), 201, r.status());
        String cookie = r.headers().get("set-cookie");
        assertTrue(cookie, cookie.startsWith("MTM_SESSION=mts_") && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict") && cookie.contains("Path=/mtm"));
        assertEquals("no-store", r.headers().get("cache-control"));
        String key = cookie.substring("MTM_SESSION=".length(), cookie.indexOf(';'));
        assertFalse("the key is only in the cookie", r.body().contains(key));
        return new Login(key, r.json().get("csrfToken").asText(), r.json().get("id").asLong());
    }

    /** Text longer than its column is kept in part by the store's entity listener, not refused by the database. */
    @Test
    public void aUserAgentLongerThanItsColumnIsKeptInPart() throws Exception {
        String pw = "Session-pass-4";
        String user = unique("sesua");
        createAccountWithAdmin("reseller", unique("AgentReseller"), user, pw);
        Http.Response r = new Http(httpPort(), null, null, "127.0.0.1").withHeader("User-Agent", "Agent/1.0 " + "x".repeat(300))
            .post(API + "/sessions", Map.of("username", user, "password", pw));
        assertEquals(r.toString(), 201, r.status());
        String cookie = r.headers().get("set-cookie");
        String key = cookie.substring("MTM_SESSION=".length(), cookie.indexOf(';'));
        String agent = ok(session(key, null).get(API + "/users/me/sessions")).get(0).get("userAgent").asText();
        assertEquals(agent, 200, agent.length());
        assertTrue(agent, agent.startsWith("Agent/1.0 xxx") && agent.endsWith("…"));
    }

    @Test
    public void aSessionCarriesACsrfTokenAndCanBeListedRevokedAndLoggedOut() throws Exception {
        String pw = "Session-pass-1";
        String user = unique("ses");
        createAccountWithAdmin("reseller", unique("SessionReseller"), user, pw);
        Http.Response wrong = new Http(httpPort(), null, null, "127.0.0.1").withHeader("X-Requested-With", "x")
            .post(API + "/sessions", Map.of("username", user, "password", "nope"));
        assertEquals(401, wrong.status());
        assertNull("no Basic challenge for a page's script", wrong.headers().get("www-authenticate"));

        Login first = openSession(user, pw);
        Http me = session(first.key(), first.csrf());
        assertEquals(user, ok(me.get(API + "/users/me")).get("username").asText());
        JsonNode current = ok(me.get(API + "/sessions/current"));
        assertEquals(first.csrf(), current.get("csrfToken").asText());
        assertEquals(user, current.get("user").get("username").asText());
        assertEquals(1800, current.get("idleTimeoutSeconds").asLong());

        // A change without the CSRF token is refused, whatever the cookie.
        Http.Response forged = session(first.key(), null).post(API + "/users/me/2fa", Map.of());
        assertEquals(forged.toString(), 403, forged.status());
        assertEquals("X-CSRF-Token", forged.json().get("field").asText());
        assertEquals(403, session(first.key(), "0".repeat(40)).post(API + "/users/me/2fa", Map.of()).status());

        Login second = openSession(user, pw);
        JsonNode listed = ok(me.get(API + "/users/me/sessions"));
        assertEquals(listed.toString(), 2, listed.size());
        assertEquals(second.id(), listed.get(0).get("id").asLong());
        assertFalse(listed.get(0).get("current").asBoolean());
        assertTrue(listed.get(1).get("current").asBoolean());
        ok(me.delete(API + "/users/me/sessions/" + second.id()));
        assertEquals(401, session(second.key(), second.csrf()).get(API + "/users/me").status());
        assertEquals(1, ok(me.get(API + "/users/me/sessions")).size());
        Http.Response foreign = session(openSession("admin", adminPassword()).key(), null).get(API + "/users/me/sessions");
        assertEquals(1, ok(foreign).size());

        Http.Response out = me.delete(API + "/sessions/current");
        assertEquals(204, out.status());
        assertTrue(out.headers().get("set-cookie").contains("Max-Age=0"));
        Http.Response after = me.get(API + "/users/me");
        assertEquals(401, after.status());
        assertNull(after.headers().get("www-authenticate"));
        JsonNode audit = ok(admin().get(API + "/audit?action=session.logout"));
        assertTrue(audit.toString(), audit.get("total").asLong() >= 1);
    }

    @Test
    public void dangerousActionsAskForThePasswordAgainOnSessionsAndTokens() throws Exception {
        String pw = "Session-pass-2";
        String user = unique("again");
        long account = createAccountWithAdmin("reseller", unique("AgainReseller"), user, pw);
        Login s = openSession(user, pw);
        Http me = session(s.key(), s.csrf());
        // Deleting a user needs the password again, and without it nothing is deleted.
        long doomed = ok(me.post(API + "/users", Map.of("accountId", account, "username", unique("doomed"),
            "password", "Doomed-pass-3", "role", "viewer"))).get("id").asLong();
        Http.Response notDeleted = me.delete(API + "/users/" + doomed);
        assertEquals(notDeleted.toString(), 401, notDeleted.status());
        assertEquals("REAUTHENTICATION_REQUIRED", notDeleted.json().get("error").asText());
        assertEquals(200, me.get(API + "/users/" + doomed).status());
        assertEquals(204, me.withHeader("X-MTM-Password", pw).delete(API + "/users/" + doomed).status());
        assertEquals(404, me.get(API + "/users/" + doomed).status());
        Http.Response noPassword = me.post(API + "/users/me/tokens", Map.of("name", "erp", "scope", "full"));
        assertEquals(noPassword.toString(), 401, noPassword.status());
        assertEquals("REAUTHENTICATION_REQUIRED", noPassword.json().get("error").asText());
        assertEquals("password", noPassword.json().get("field").asText());
        Http.Response wrong = me.withHeader("X-MTM-Password", "not-it").post(API + "/users/me/tokens",
            Map.of("name", "erp", "scope", "full"));
        assertEquals(401, wrong.status());
        assertEquals("UNAUTHENTICATED", wrong.json().get("error").asText());
        JsonNode created = ok(me.withHeader("X-MTM-Password", pw).post(API + "/users/me/tokens",
            Map.of("name", "erp", "scope", "full")));
        String token = created.get("secret").asText();

        // REST with the token: resetting two-factor authentication is dangerous too.
        Http bearer = new Http(httpPort(), null, null, "127.0.0.1").withHeader("Authorization", "Bearer " + token);
        Http.Response reset = bearer.delete(API + "/users/me/2fa");
        assertEquals(reset.toString(), 401, reset.status());
        assertEquals("REAUTHENTICATION_REQUIRED", reset.json().get("error").asText());
        assertEquals(204, bearer.withHeader("X-MTM-Password", pw).delete(API + "/users/me/2fa").status());

        // SOAP with the token: an upgrade is refused before anything else, then proceeds with the header.
        Soap plain = new Soap(new Http(httpPort(), null, null, "127.0.0.1"), user, token).service("ProvisioningService");
        Soap.Reply refused = plain.call("upgradeMachine", "<v1:id>999999</v1:id>");
        assertTrue(refused.toString(), refused.isFault());
        assertEquals("REAUTHENTICATION_REQUIRED", refused.faultCode());
        Soap withPassword = new Soap(new Http(httpPort(), null, null, "127.0.0.1").withHeader("X-MTM-Password", pw),
            user, token).service("ProvisioningService");
        assertEquals("NOT_FOUND", withPassword.call("upgradeMachine", "<v1:id>999999</v1:id>").faultCode());
    }

    @Test
    public void anAccountThatRequiresTwoFactorLetsItsUsersDoNothingButEnrol() throws Exception {
        String pw = "Session-pass-3";
        String user = unique("must");
        long account = createAccountWithAdmin("reseller", unique("StrictReseller"), user, pw);
        JsonNode strict = ok(admin().put(API + "/accounts/" + account + "/two-factor", Map.of("required", true)));
        assertTrue(strict.get("twoFactorRequired").asBoolean());
        Http me = http(user, pw);
        Http.Response blocked = me.get(API + "/machines");
        assertEquals(blocked.toString(), 403, blocked.status());
        assertEquals("TWO_FACTOR_REQUIRED", blocked.json().get("error").asText());
        Login s = openSession(user, pw);
        assertTrue(ok(session(s.key(), null).get(API + "/sessions/current")).get("enrolmentOnly").asBoolean());
        Http.Response enrol = me.post(API + "/users/me/2fa", Map.of());
        assertEquals(enrol.toString(), 201, enrol.status());
        Http.Response bad = admin().put(API + "/accounts/" + account + "/two-factor", Map.of());
        assertEquals(400, bad.status());
        assertEquals("required", bad.json().get("field").asText());
    }
}
