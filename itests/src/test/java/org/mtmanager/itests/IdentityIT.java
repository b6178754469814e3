package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.inject.Inject;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.login.LoginException;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Identity hardening (issue 7): two-factor login, API tokens, rate limits. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class IdentityIT extends MtmTestSupport {

    @Test
    public void twoFactorEnrolmentAndLoginOverRestAndConsole() throws Exception {
        String pw = "Identity-pass-1";
        String user = unique("tfa");
        createAccountWithAdmin("reseller", unique("TwoFactorReseller"), user, pw);
        Http me = http(user, pw);
        long id = ok(me.get(API + "/users/me")).get("id").asLong();

        Http.Response enrol = me.post(API + "/users/me/2fa", Map.of());
        assertEquals(enrol.toString(), 201, enrol.status());
        String secret = enrol.json().get("secret").asText();
        assertEquals("otpauth://totp/MT%20Manager:" + user + "?secret=" + secret + "&issuer=MT%20Manager",
            enrol.json().get("uri").asText().substring(0, ("otpauth://totp/MT%20Manager:" + user + "?secret=" + secret
                + "&issuer=MT%20Manager").length()));
        JsonNode recovery = enrol.json().get("recoveryCodes");
        assertEquals(10, recovery.size());

        Http.Response badConfirm = me.post(API + "/users/me/2fa/confirm", Map.of("code", "12345"));
        assertEquals(badConfirm.toString(), 400, badConfirm.status());
        assertEquals("code", badConfirm.json().get("field").asText());
        assertEquals(204, me.post(API + "/users/me/2fa/confirm", Map.of("code", totp(secret, 0))).status());

        // From now on the password alone is refused, and says why.
        Http.Response noCode = me.get(API + "/users/me");
        assertEquals(noCode.toString(), 401, noCode.status());
        assertEquals("otp", noCode.json().get("field").asText());
        assertTrue(noCode.json().get("message").asText().contains("X-MTM-OTP"));
        assertEquals(200, me.withHeader("X-MTM-OTP", totp(secret, 0)).get(API + "/users/me").status());
        Http.Response wrong = me.withHeader("X-MTM-OTP", wrongCode(secret)).get(API + "/users/me");
        assertEquals(wrong.toString(), 401, wrong.status());
        // The wrong code counted toward the lockout.
        JsonNode failures = ok(admin().get(API + "/audit?action=auth.login&outcome=FAILED&actor=" + user));
        assertTrue(failures.toString(), failures.toString().contains("wrong two-factor code (1 in a row)"));
        // A recovery code works once.
        String rc = recovery.get(0).asText();
        assertEquals(200, me.withHeader("X-MTM-OTP", rc).get(API + "/users/me").status());
        assertEquals(401, me.withHeader("X-MTM-OTP", rc).get(API + "/users/me").status());

        // The console: PASSWORD:CODE, or a clear refusal.
        try {
            login(user, pw);
            throw new AssertionError("the console took the password without a code");
        } catch (LoginException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("PASSWORD:CODE"));
        }
        ShellResult shell = shellAs(user, pw + ":" + totp(secret, 0), "mtm:user-list");
        assertFalse(shell.errorMessage(), shell.failed());
        assertTrue(shell.output(), shell.output().contains(user));

        // An administrator resets it, audited; the password alone works again.
        assertEquals(204, admin().delete(API + "/users/" + id + "/2fa").status());
        assertEquals(200, me.get(API + "/users/me").status());
        JsonNode audit = ok(admin().get(API + "/audit?action=user.2fa-reset"));
        assertTrue(audit.toString(), audit.get("total").asLong() >= 1);
    }

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Test
    public void aBurstIsAnswered429WithRetryAfter() throws Exception {
        Configuration cfg = configAdmin.getConfiguration("org.mtmanager.security", null);
        Dictionary<String, Object> before = cfg.getProperties();
        Hashtable<String, Object> low = new Hashtable<>();
        if (before != null) {
            for (Enumeration<String> keys = before.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                low.put(k, before.get(k));
            }
        }
        Hashtable<String, Object> restore = new Hashtable<>(low);
        restore.put("rate.requestsPerSecond", "1000");
        restore.put("rate.requestBurst", "2000");
        low.put("rate.requestsPerSecond", "0.5");
        low.put("rate.requestBurst", "5");
        cfg.update(low);
        try {
            Http burst = new Http(httpPort(), null, null, "127.0.0.3");
            Http.Response limited = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (limited == null && System.nanoTime() < deadline) {
                for (int i = 0; i < 10 && limited == null; i++) {
                    Http.Response r = burst.get(API + "/users/me");
                    if (r.status() == 429) {
                        limited = r;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertTrue("no 429 under a burst", limited != null);
            assertEquals("TOO_MANY_REQUESTS", limited.json().get("error").asText());
            long retryAfter = Long.parseLong(limited.headers().get("retry-after"));
            assertTrue(limited.toString(), retryAfter >= 1 && retryAfter <= 2);
            // another address has its own bucket
            assertEquals(401, new Http(httpPort(), null, null, "127.0.0.4").get(API + "/users/me").status());
            // SOAP from an exhausted address: the same 429 and Retry-After, with the fault's code
            Soap.Reply soap = new Soap(new Http(httpPort(), null, null, "127.0.0.3"), "admin", adminPassword())
                .call("listPlans", "");
            assertEquals(soap.toString(), 429, soap.status());
            assertEquals("TOO_MANY_REQUESTS", soap.faultCode());
            assertTrue(soap.toString(), Long.parseLong(soap.headers().get("retry-after")) >= 1);
        } finally {
            cfg.update(restore);
        }
        // back to the defaults: the address is served again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int status = 429;
        while (status == 429 && System.nanoTime() < deadline) {
            status = new Http(httpPort(), null, null, "127.0.0.3").get(API + "/users/me").status();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertEquals(401, status);
    }

    private Http bearer(String token, String ip) {
        return new Http(httpPort(), null, null, ip).withHeader("Authorization", "Bearer " + token);
    }

    @Test
    public void aReadTokenReadsAndChangesNothingOnRestAndSoap() throws Exception {
        String pw = "Identity-pass-2";
        String user = unique("tok");
        long account = createAccountWithAdmin("reseller", unique("TokenReseller"), user, pw);
        Http me = http(user, pw);
        Http.Response created = me.post(API + "/users/me/tokens", Map.of("name", "billing system", "scope", "read"));
        assertEquals(created.toString(), 201, created.status());
        String secret = created.json().get("secret").asText();
        long tokenId = created.json().get("token").get("id").asLong();
        assertTrue(secret, secret.startsWith("mtm_" + tokenId + "_"));

        Http token = bearer(secret, "127.0.0.1");
        assertEquals(user, ok(token.get(API + "/users/me")).get("username").asText());
        assertEquals(200, token.get(API + "/accounts/" + account).status());
        Http.Response create = token.post(API + "/accounts", Map.of("type", "customer", "name", unique("Shop"),
            "parentId", account));
        assertEquals(create.toString(), 403, create.status());
        assertEquals(403, token.post(API + "/users", Map.of("accountId", account, "username", unique("x"),
            "password", "Some-password-1", "role", "viewer")).status());
        assertEquals(403, token.put(API + "/users/" + ok(me.get(API + "/users/me")).get("id").asLong() + "/password",
            Map.of("currentPassword", pw, "newPassword", "Another-pass-3")).status());
        assertEquals(403, token.post(API + "/users/me/tokens", Map.of("name", "more", "scope", "full")).status());
        // SOAP: the token as the UsernameToken password, with its user as the Username.
        Soap soap = soap(user, secret);
        assertFalse(soap.call("getAccount", "<v1:id>" + account + "</v1:id>").isFault());
        Soap.Reply write = soap.call("createAccount", "<v1:account><v1:parentId>" + account
            + "</v1:parentId><v1:type>customer</v1:type><v1:name>" + unique("SoapShop") + "</v1:name></v1:account>");
        assertTrue(write.isFault());
        assertEquals("FORBIDDEN", write.faultCode());
        // Every use is attributed to the token in the audit log.
        JsonNode uses = ok(admin().get(API + "/audit?actor=" + user + "/token:" + tokenId));
        assertTrue(uses.toString(), uses.get("total").asLong() >= 1);
        JsonNode listed = ok(me.get(API + "/users/me/tokens"));
        assertEquals("127.0.0.1", listed.get(0).get("lastUsedIp").asText());
        assertFalse(listed.toString(), listed.toString().contains(secret.substring(secret.lastIndexOf('_') + 1)));

        // Revoked: 401.
        ok(me.delete(API + "/users/me/tokens/" + tokenId));
        assertEquals(401, token.get(API + "/users/me").status());
    }

    @Test
    public void expiredTokensAndOtherAddressesAreRefused() throws Exception {
        String pw = "Identity-pass-3";
        String user = unique("tok2");
        createAccountWithAdmin("reseller", unique("TokenReseller2"), user, pw);
        Http me = http(user, pw);
        String shortLived = ok(me.post(API + "/users/me/tokens", Map.of("name", "short", "scope", "full",
            "expiresAt", Instant.now().plusSeconds(2).toString()))).get("secret").asText();
        assertEquals(200, bearer(shortLived, "127.0.0.1").get(API + "/users/me").status());
        // Poll (bounded) until the expiry has passed rather than sleeping a guess.
        Http.Response expired = bearer(shortLived, "127.0.0.1").get(API + "/users/me");
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); expired.status() == 200 && System.nanoTime() < deadline;
             expired = bearer(shortLived, "127.0.0.1").get(API + "/users/me")) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertEquals(expired.toString(), 401, expired.status());

        JsonNode pinned = ok(me.post(API + "/users/me/tokens", Map.of("name", "pinned", "scope", "read",
            "cidrs", List.of("127.0.0.1/32"))));
        String secret = pinned.get("secret").asText();
        long id = pinned.get("token").get("id").asLong();
        assertEquals(200, bearer(secret, "127.0.0.1").get(API + "/users/me").status());
        // From elsewhere: 403 before the secret is looked at, even a forged one.
        Http.Response other = bearer(secret, "127.0.0.2").get(API + "/users/me");
        assertEquals(other.toString(), 403, other.status());
        assertEquals("IP_NOT_ALLOWED", other.json().get("error").asText());
        assertEquals(403, bearer("mtm_" + id + "_" + "a".repeat(32), "127.0.0.2").get(API + "/users/me").status());
        assertEquals(401, bearer("mtm_" + id + "_" + "a".repeat(32), "127.0.0.1").get(API + "/users/me").status());
        Http.Response bad = me.post(API + "/users/me/tokens", Map.of("name", "bad", "scope", "root"));
        assertEquals(400, bad.status());
        assertEquals("scope", bad.json().get("field").asText());
    }

    // ---- TOTP (RFC 6238, HMAC-SHA1, 30 s, 6 digits), independent of the server's implementation ----

    static String totp(String base32Secret, int stepOffset) throws Exception {
        long step = System.currentTimeMillis() / 1000 / 30 + stepOffset;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0x0f;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
    }

    /** A code valid at none of the steps the server accepts. */
    static String wrongCode(String secret) throws Exception {
        for (int i = 0; i < 1_000_000; i += 7919) {
            String c = String.format(Locale.ROOT, "%06d", i);
            if (!c.equals(totp(secret, -2)) && !c.equals(totp(secret, -1)) && !c.equals(totp(secret, 0))
                    && !c.equals(totp(secret, 1)) && !c.equals(totp(secret, 2))) {
                return c;
            }
        }
        throw new AssertionError();
    }

    private static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
