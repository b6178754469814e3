package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** Identity hardening (issue 7): two-factor login. */
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
        } catch (javax.security.auth.login.LoginException e) {
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
