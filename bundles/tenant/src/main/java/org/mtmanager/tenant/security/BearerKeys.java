package org.mtmanager.tenant.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keys of the form {@code <prefix><id>_<secret>}, as API tokens ({@code mtm_}) and sessions ({@code mts_}) use:
 * the id finds the row, and only the SHA-256 of the 160-bit random secret is kept. A plain hash is enough for a
 * secret of that entropy, and keeps a check far below a millisecond.
 */
final class BearerKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private BearerKeys() {
    }

    /** A new random secret: 32 lower-case Base32 characters. */
    static String newSecret() {
        byte[] random = new byte[20];
        RANDOM.nextBytes(random);
        return Totp.base32(random).toLowerCase(Locale.ROOT);
    }

    /** The id of a key with {@code prefix}, or -1 when it is not one. */
    static long idOf(String prefix, String key) {
        if (key == null || !key.startsWith(prefix)) {
            return -1;
        }
        int sep = key.indexOf('_', prefix.length());
        String id = sep < 0 ? "" : key.substring(prefix.length(), sep);
        return id.matches("[1-9]\\d{0,17}") ? Long.parseLong(id) : -1;
    }

    /** Whether a key (already known to have an id) carries the secret whose hash is {@code storedHash}. */
    static boolean matches(String prefix, String key, String storedHash) {
        String secret = key.substring(key.indexOf('_', prefix.length()) + 1);
        return MessageDigest.isEqual(sha256(secret).getBytes(StandardCharsets.US_ASCII),
            storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
