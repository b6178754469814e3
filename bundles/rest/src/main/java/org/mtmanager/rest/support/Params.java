package org.mtmanager.rest.support;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import javax.servlet.http.HttpServletRequest;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.PageRequest;

/**
 * Parses path and query parameters with the API's own errors: JAX-RS would answer a non-numeric id with a bare
 * 404, where a client deserves a 400 naming the parameter.
 */
public final class Params {

    private Params() {
    }

    public static Caller caller(HttpServletRequest req) {
        Caller c = (Caller) req.getAttribute(AuthFilter.CALLER);
        if (c == null) {
            throw new MtmException(ErrorCode.UNAUTHENTICATED, "authentication required");
        }
        return c;
    }

    public static long id(String name, String value) {
        if (value == null || !value.matches("[1-9]\\d{0,17}")) {
            throw MtmException.invalid(name, "must be a positive whole number");
        }
        return Long.parseLong(value);
    }

    public static Long optionalId(String name, String value) {
        return value == null || value.isEmpty() ? null : id(name, value);
    }

    public static Integer optionalInt(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("-?\\d{1,9}")) {
            throw MtmException.invalid(name, "must be a whole number");
        }
        return Integer.parseInt(value);
    }

    /**
     * A boolean query parameter: only an absent one gives the default, else exactly "true" or "false". Anything
     * else ("", "no", "False", "0") is refused rather than guessed, since a guess may repair what was only to be
     * reported: {@code ?repair=} is more likely a script's missing variable than a wish to repair.
     */
    public static boolean bool(String name, String value, boolean absent) {
        if (value == null) {
            return absent;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw MtmException.invalid(name, "must be true or false");
        };
    }

    public static PageRequest page(String offset, String limit) {
        return PageRequest.of(optionalInt("offset", offset), optionalInt("limit", limit));
    }

    /** A page by offset or after a cursor (the last id of the previous page); both together are refused. */
    public static PageRequest page(String offset, String limit, String after) {
        Long cursor = null;
        if (after != null && !after.isEmpty()) {
            if (!after.matches("\\d{1,18}")) {
                throw MtmException.invalid("after", "must be a whole number (the next of the previous page)");
            }
            cursor = Long.parseLong(after);
        }
        return PageRequest.of(optionalInt("offset", offset), optionalInt("limit", limit), cursor);
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw MtmException.invalid(name, "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
    }

    public static <T> T body(String what, T value) {
        if (value == null) {
            throw new MtmException(ErrorCode.MALFORMED_REQUEST, "a JSON " + what + " is required as the request body");
        }
        return value;
    }

    public static URI location(String path) {
        return URI.create(path);
    }
}
