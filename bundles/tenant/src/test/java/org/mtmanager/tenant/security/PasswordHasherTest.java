package org.mtmanager.tenant.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

/** PBKDF2 hashes: verification, salting and robustness against malformed stored values. */
public class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    public void verifiesTheRightPasswordOnly() {
        String stored = hasher.hash("Correct-horse-42");
        assertTrue(hasher.verify("Correct-horse-42", stored));
        assertFalse(hasher.verify("correct-horse-42", stored));
        assertFalse(hasher.verify("Correct-horse-42 ", stored));
        assertFalse(hasher.verify("", stored));
        assertFalse(hasher.verify(null, stored));
    }

    @Test
    public void samePasswordGetsADifferentSaltEachTime() {
        String a = hasher.hash("Correct-horse-42");
        String b = hasher.hash("Correct-horse-42");
        assertNotEquals(a, b);
        String[] pa = a.split("\\$");
        String[] pb = b.split("\\$");
        assertEquals(4, pa.length);
        assertEquals("pbkdf2-sha256", pa[0]);
        assertEquals("1000", pa[1]);
        assertNotEquals("salts differ", pa[2], pb[2]);
        assertNotEquals("hashes differ", pa[3], pb[3]);
        assertTrue(hasher.verify("Correct-horse-42", a));
        assertTrue(hasher.verify("Correct-horse-42", b));
    }

    @Test
    public void iterationCountTravelsWithTheHash() {
        String old = new PasswordHasher(2000).hash("Correct-horse-42");
        assertTrue(hasher.verify("Correct-horse-42", old));
    }

    @Test
    public void malformedStoredValuesNeverVerify() {
        String good = hasher.hash("Correct-horse-42");
        String[] p = good.split("\\$");
        List<String> bad = List.of("", "plain-text", "pbkdf2-sha256$1000$abc",
            "md5$1000$" + p[2] + "$" + p[3],
            "pbkdf2-sha256$many$" + p[2] + "$" + p[3],
            "pbkdf2-sha256$1000$!!not-base64!!$" + p[3],
            "pbkdf2-sha256$1000$" + p[2] + "$" + p[3] + "$extra",
            "pbkdf2-sha256$1000$" + p[2] + "$" + p[3].substring(1));
        for (String stored : bad) {
            assertFalse(stored, hasher.verify("Correct-horse-42", stored));
        }
        assertFalse(hasher.verify("Correct-horse-42", null));
    }

    @Test
    public void tooFewIterationsAreRefused() {
        try {
            new PasswordHasher(999);
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("1000"));
            return;
        }
        throw new AssertionError("999 iterations must be refused");
    }

    @Test
    public void randomPasswordsUseTheUnambiguousAlphabet() {
        String pw = PasswordHasher.randomPassword(200);
        assertEquals(200, pw.length());
        assertTrue(pw, pw.matches("[A-HJ-NP-Za-km-z2-9]+"));
        assertNotEquals(pw, PasswordHasher.randomPassword(200));
    }
}
