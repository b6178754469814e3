package org.mtmanager.core.util;

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

    private Fields() {
    }

    /** A required display name: trimmed, 1 to max characters, no control characters. */
    public static String name(String field, String value, int max) {
        String v = required(field, value);
        if (v.length() > max) {
            throw MtmException.invalid(field, "must be at most " + max + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw MtmException.invalid(field, "must not contain control characters");
            }
        }
        return v;
    }

    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw MtmException.invalid(field, "is required");
        }
        return value.strip();
    }

    /** An optional e-mail address: null or blank gives null. */
    public static String email(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
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
