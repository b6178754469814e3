package org.mtmanager.tenant.security;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits by default,
 * and one step of clock drift either way. Secrets travel as unpadded RFC 4648 Base32, as authenticator apps
 * expect them.
 */
public final class Totp {
    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    public static final int WINDOW = 1;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** A fresh 160-bit secret, Base32. */
    public static String newSecret() {
        byte[] key = new byte[20];
        new SecureRandom().nextBytes(key);
        return base32(key);
    }

    /** The code for the step that contains {@code epochSeconds}. */
    public static String code(byte[] key, long epochSeconds, int digits) {
        return hotp(key, Math.floorDiv(epochSeconds, STEP_SECONDS), digits);
    }

    /** RFC 4226 HOTP with HMAC-SHA1. */
    public static String hotp(byte[] key, long counter, int digits) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be 1 to 8");
        }
        byte[] h;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        int o = h[h.length - 1] & 0x0f;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        String s = Integer.toString(bin % POW10[digits]);
        return "0".repeat(digits - s.length()) + s;
    }

    /** Whether {@code code} is valid at {@code epochSeconds}, allowing one step of drift either way. */
    public static boolean verify(String base32Secret, String code, long epochSeconds) {
        return matchingStep(base32Secret, code, epochSeconds) != Long.MIN_VALUE;
    }

    /** The time step within the window whose code {@code code} is, or {@link Long#MIN_VALUE} for none. */
    public static long matchingStep(String base32Secret, String code, long epochSeconds) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
            return Long.MIN_VALUE;
        }
        byte[] key = base32Decode(base32Secret);
        long step = Math.floorDiv(epochSeconds, STEP_SECONDS);
        long matched = Long.MIN_VALUE;
        for (long s = step - WINDOW; s <= step + WINDOW; s++) {
            // constant time over the whole window
            if (MessageDigest.isEqual(hotp(key, s, DIGITS).getBytes(), code.getBytes())) {
                matched = s;
            }
        }
        return matched;
    }

    /** The provisioning URI authenticator apps read (usually from a QR code). */
    public static String uri(String username, String base32Secret) {
        String label = "MT%20Manager:" + URLEncoder.encode(username, StandardCharsets.UTF_8)
            .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=MT%20Manager&algorithm=SHA1&digits="
            + DIGITS + "&period=" + STEP_SECONDS;
    }

    public static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    public static byte[] base32Decode(String s) {
        String t = s.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(t.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : t.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not Base32: " + c);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
