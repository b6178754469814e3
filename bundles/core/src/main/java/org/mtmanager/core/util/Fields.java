package org.mtmanager.core.util;

import java.time.Instant;
import java.util.regex.Pattern;

import org.mtmanager.api.MtmException;

/**
 * Field validation shared by every service, so that every facade reports the same field and rule. Each check
 * returns the cleaned value or throws {@link MtmException#invalid}.
 */
public final class Fields {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$");
    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    /**
     * The earliest and latest instant the API takes: both Derby (up to year 9999) and PostgreSQL store them, and
     * Java's own range (year one billion) is far wider than either.
     */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Fields() {
    }

    /** A required display name: trimmed, 1 to max characters, no control characters. */
    public static String name(String field, String value, int max) {
        String v = required(field, value);
        if (v.length() > max) {
            throw MtmException.invalid(field, "must be at most " + max + " characters");
        }
        return v;
    }

    /** A required text, trimmed; like every text the services take, it must be one that XML can carry. */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw MtmException.invalid(field, "is required");
        }
        return text(field, value.strip());
    }

    /**
     * The one character rule of every text the platform stores: no control characters, and nothing XML 1.0
     * cannot carry (U+FFFE, U+FFFF, a surrogate without its pair). One tenant's such name would otherwise make
     * every SOAP answer that lists it malformed for the accounts above it. Returns the value unchanged.
     */
    public static String text(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw MtmException.invalid(field, "must not contain control characters");
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                throw MtmException.invalid(field, "must not contain the non-characters U+FFFE or U+FFFF");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw MtmException.invalid(field, "must not contain an unpaired surrogate (invalid UTF-16)");
            }
        }
        return value;
    }

    /** An optional instant: null stays null; else it must lie between {@link #EARLIEST} and {@link #LATEST}. */
    public static Instant instant(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw MtmException.invalid(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }

    /** An optional e-mail address: null or blank gives null. */
    public static String email(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = text(field, value.strip());
        if (v.length() > 254 || !EMAIL.matcher(v).matches()) {
            throw MtmException.invalid(field, "must be an e-mail address such as ops@example.com");
        }
        return v;
    }

    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return name(field, value, max);
    }

    public static String username(String field, String value) {
        String v = required(field, value);
        if (!USERNAME.matcher(v).matches()) {
            throw MtmException.invalid(field, "must be 2 to 64 characters: letters, digits and . _ @ -, starting with a letter or digit");
        }
        return v;
    }

    /** A lower-case identifier such as an app key: 2 to 40 characters, letters, digits and dashes. */
    public static String key(String field, String value) {
        String v = required(field, value);
        if (!KEY.matcher(v).matches()) {
            throw MtmException.invalid(field, "must be 2 to 40 lower-case letters, digits or dashes, starting with a letter");
        }
        return v;
    }

    public static int positive(String field, Integer value, int max) {
        if (value == null) {
            throw MtmException.invalid(field, "is required");
        }
        if (value < 1 || value > max) {
            throw MtmException.invalid(field, "must be between 1 and " + max);
        }
        return value;
    }
}
