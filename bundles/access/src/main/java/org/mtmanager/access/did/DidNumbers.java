package org.mtmanager.access.did;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;

import org.mtmanager.api.MtmException;

/**
 * E.164 numbers and prefixes as the DID table keeps them: digits only, 1 to 15 of them, the first not 0. Input may
 * carry a leading '+' and spaces, dots or parentheses; output always shows the '+'. The matching rules
 * (longest prefix, nesting) live here too, on plain strings, so they are tested without a database.
 */
public final class DidNumbers {
    public static final int MAX_DIGITS = 15;

    private DidNumbers() {
    }

    /** The digits of a number or prefix, or INVALID_FIELD naming {@code field}. */
    public static String digits(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw MtmException.invalid(field, "is required");
        }
        String v = raw.strip();
        if (v.indexOf('-') >= 0) {
            throw MtmException.invalid(field, "must be a number or prefix, not a range: write a range as the prefixes "
                + "that cover it (+3491555 0000-0999 is +34915550)");
        }
        // A '+' sent unencoded in a query string arrives as a space, which strip() already removed.
        if (v.startsWith("+")) {
            v = v.substring(1);
        }
        StringBuilder d = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            } else if (c != ' ' && c != '.' && c != '(' && c != ')') {
                throw invalid(field);
            }
        }
        if (d.length() == 0 || d.length() > MAX_DIGITS || d.charAt(0) == '0') {
            throw invalid(field);
        }
        return d.toString();
    }

    private static MtmException invalid(String field) {
        return MtmException.invalid(field, "must be an E.164 number or prefix: an optional +, then 1 to " + MAX_DIGITS
            + " digits, the first not 0 (such as +34915550)");
    }

    public static String display(String digits) {
        return "+" + digits;
    }

    /** Every prefix of a number, longest first, itself included ("345" gives 345, 34, 3). */
    public static List<String> prefixesOf(String digits) {
        List<String> out = new ArrayList<>(digits.length());
        for (int n = digits.length(); n >= 1; n--) {
            out.add(digits.substring(0, n));
        }
        return out;
    }

    /** The longest of the prefixes that {@code digits} starts with. */
    public static Optional<String> longestMatch(String digits, Collection<String> prefixes) {
        return prefixes.stream().filter(digits::startsWith).max(Comparator.comparingInt(String::length));
    }

    /** Whether one of the two prefixes lies inside the other (equal ones included). */
    public static boolean nested(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    /**
     * A prefix of {@code others} that is nested with {@code digits} but not equal to it: first one that covers it
     * (shorter), else one that it covers (longer, the smallest in order). {@code others} must be sorted.
     */
    public static Optional<String> nestedOther(String digits, NavigableSet<String> others) {
        for (String p : prefixesOf(digits)) {
            if (!p.equals(digits) && others.contains(p)) {
                return Optional.of(p);
            }
        }
        String next = others.higher(digits);
        return next != null && next.startsWith(digits) ? Optional.of(next) : Optional.empty();
    }
}
