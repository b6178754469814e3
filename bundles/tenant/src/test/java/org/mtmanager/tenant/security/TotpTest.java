package org.mtmanager.tenant.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class TotpTest {
    /** RFC 6238 appendix B: the SHA1 key is the ASCII "12345678901234567890". */
    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    public void rfc6238Sha1Vectors() {
        assertEquals("94287082", Totp.code(KEY, 59L, 8));
        assertEquals("07081804", Totp.code(KEY, 1111111109L, 8));
        assertEquals("14050471", Totp.code(KEY, 1111111111L, 8));
        assertEquals("89005924", Totp.code(KEY, 1234567890L, 8));
        assertEquals("69279037", Totp.code(KEY, 2000000000L, 8));
        assertEquals("65353130", Totp.code(KEY, 20000000000L, 8));
    }

    @Test
    public void rfc4226HotpVectors() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
            "520489"};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], Totp.hotp(KEY, i, 6));
        }
    }

    @Test
    public void verifyAllowsOneStepEitherWay() {
        String secret = Totp.base32(KEY);
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", secret);
        long t = 1234567890L;
        String now = Totp.code(KEY, t, 6);
        assertTrue(Totp.verify(secret, now, t));
        assertTrue(Totp.verify(secret, now, t + 30));
        assertTrue(Totp.verify(secret, now, t - 30));
        assertFalse(Totp.verify(secret, now, t + 90));
        assertFalse(Totp.verify(secret, "12345", t));
        assertFalse(Totp.verify(secret, "abcdef", t));
        assertFalse(Totp.verify(secret, null, t));
    }

    @Test
    public void base32RoundTripAndUri() {
        String s = Totp.newSecret();
        assertEquals(32, s.length());
        assertEquals(s, Totp.base32(Totp.base32Decode(s)));
        assertTrue(Totp.uri("op one", s).startsWith("otpauth://totp/MT%20Manager:op%20one?secret=" + s
            + "&issuer=MT%20Manager"));
    }
}
