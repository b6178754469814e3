package org.mtmanager.api;

import org.mtmanager.api.field.FieldSpec;

/**
 * Which page a client asks for. Validated on construction so every facade rejects the same bad values.
 */
public record PageRequest(int offset, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
    /** The query parameters' rules, which the OpenAPI document publishes for every list that pages. */
    public static final FieldSpec OFFSET = FieldSpec.integer("offset", 0, Integer.MAX_VALUE);
    public static final FieldSpec LIMIT = FieldSpec.integer("limit", 1, MAX_LIMIT).example(String.valueOf(DEFAULT_LIMIT));

    public PageRequest {
        if (offset < OFFSET.minimum()) {
            throw MtmException.invalid("offset", "must be " + OFFSET.minimum() + " or more");
        }
        if (limit < LIMIT.minimum() || limit > LIMIT.maximum()) {
            throw MtmException.invalid("limit", "must be between " + LIMIT.minimum() + " and " + LIMIT.maximum());
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
