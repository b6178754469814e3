package org.mtmanager.api;

/**
 * Which page a client asks for. Validated on construction so every facade rejects the same bad values.
 */
public record PageRequest(int offset, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw MtmException.invalid("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw MtmException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Builds a request from optional values, applying the defaults. */
    public static PageRequest of(Integer offset, Integer limit) {
        return new PageRequest(offset == null ? 0 : offset, limit == null ? DEFAULT_LIMIT : limit);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }
}
