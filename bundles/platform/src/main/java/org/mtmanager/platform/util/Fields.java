package org.mtmanager.platform.util;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.mtmanager.api.MtmException;
import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.field.Formats;

/**
 * Field validation shared by every service, so that every facade reports the same field and rule. Each check
 * returns the cleaned value or throws {@link MtmException#invalid}. The limits and patterns are the
 * {@link FieldSpec}s the API values declare, which the OpenAPI document publishes too.
 */
public final class Fields {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

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
        return characters(field, value.strip());
    }

    /**
     * The one character rule of every text the platform stores: no control characters, and nothing XML 1.0
     * cannot carry (U+FFFE, U+FFFF, a surrogate without its pair). One tenant's such name would otherwise make
     * every SOAP answer that lists it malformed for the accounts above it. Returns the value unchanged.
     */
    public static String characters(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            String refused = refused(value, i);
            if (refused != null) {
                throw MtmException.invalid(field, refused);
            }
            i += paired(value, i) ? 1 : 0;
        }
        return value;
    }

    /**
     * A text from no user (a driver's message, a machine's console tail) made one that the platform can store and
     * XML can carry: what {@link #characters} refuses becomes a space (a control character: a console tail's line
     * breaks) or U+FFFD (the rest), so the text is kept and no SOAP answer that shows it is malformed.
     */
    public static String xmlSafe(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder safe = null;
        for (int i = 0; i < value.length(); i++) {
            if (refused(value, i) != null) {
                if (safe == null) {
                    safe = new StringBuilder(value);
                }
                safe.setCharAt(i, Character.isISOControl(value.charAt(i)) ? ' ' : '\uFFFD');
            }
            i += paired(value, i) ? 1 : 0;
        }
        return safe == null ? value : safe.toString();
    }

    /** Why the character at {@code i} cannot be stored, in the API's words; null when it can. */
    private static String refused(String value, int i) {
        char c = value.charAt(i);
        if (Character.isISOControl(c)) {
            return "must not contain control characters";
        }
        if (c == '\uFFFE' || c == '\uFFFF') {
            return "must not contain the non-characters U+FFFE or U+FFFF";
        }
        if (Character.isSurrogate(c) && !paired(value, i)) {
            return "must not contain an unpaired surrogate (invalid UTF-16)";
        }
        return null;
    }

    /** Whether a high surrogate at {@code i} starts a pair (whose low half then needs no look of its own). */
    private static boolean paired(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1));
    }

    /** An optional instant: null stays null; else it must lie between {@link #EARLIEST} and {@link #LATEST}. */
    public static Instant instant(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw MtmException.invalid(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }

    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return name(field, value, max);
    }

    public static String username(String field, String value) {
        String v = required(field, value);
        if (!matches(Formats.USERNAME, v)) {
            throw MtmException.invalid(field, Formats.USERNAME.rule());
        }
        return v;
    }

    /** A lower-case identifier such as an app key: 2 to 40 characters, letters, digits and dashes. */
    public static String key(String field, String value) {
        String v = required(field, value);
        if (!matches(Formats.KEY, v)) {
            throw MtmException.invalid(field, Formats.KEY.rule());
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

    /**
     * A text field by its declared rule: trimmed, within its length, without control characters, matching its
     * pattern and one of its values; null when it is absent (or blank) and optional.
     */
    public static String text(FieldSpec spec, String value) {
        if (!spec.required() && (value == null || value.isBlank())) {
            return null;
        }
        if (!spec.values().isEmpty()) {
            String v = required(spec.name(), value);
            if (!spec.values().contains(v)) {
                throw MtmException.invalid(spec.name(), "must be one of " + String.join(", ", spec.values()));
            }
            return v;
        }
        String v = name(spec.name(), value, spec.maxLength());
        if (spec.pattern() != null && !matches(spec, v)) {
            throw MtmException.invalid(spec.name(), spec.rule());
        }
        return v;
    }

    /** A whole number by its declared rule: null when absent and optional, else within its bounds. */
    public static Integer number(FieldSpec spec, Integer value) {
        if (value == null) {
            if (spec.required()) {
                throw MtmException.invalid(spec.name(), "is required");
            }
            return null;
        }
        boolean low = spec.minimum() != null && value < spec.minimum();
        boolean high = spec.maximum() != null && value > spec.maximum();
        if (low || high) {
            throw MtmException.invalid(spec.name(), spec.maximum() == null ? "must be at least " + spec.minimum()
                : "must be between " + spec.minimum() + " and " + spec.maximum());
        }
        return value;
    }

    private static boolean matches(FieldSpec spec, String value) {
        return PATTERNS.computeIfAbsent(spec.pattern(), Pattern::compile).matcher(value).matches();
    }
}
