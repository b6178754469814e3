package org.mtmanager.api;

import org.mtmanager.api.field.FieldSpec;

/**
 * Which page a client asks for: by position ({@code offset}: the database steps over every row before it, so a
 * deep offset costs in proportion to it), or after a cursor ({@code after}: the last id of the previous page, which
 * a page hands out as its {@link Page#next()}; every page then costs the same, however deep). Validated on
 * construction so every facade rejects the same bad values.
 *
 * @param after null to page by offset
 */
public record PageRequest(int offset, int limit, Long after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
    /** The query parameters' rules, which the OpenAPI document publishes for every list that pages. */
    public static final FieldSpec OFFSET = FieldSpec.integer("offset", 0, Integer.MAX_VALUE);
    public static final FieldSpec LIMIT = FieldSpec.integer("limit", 1, MAX_LIMIT).example(String.valueOf(DEFAULT_LIMIT));
    public static final FieldSpec AFTER = FieldSpec.integer("after", 0, Long.MAX_VALUE);

    public PageRequest {
        if (offset < OFFSET.minimum()) {
            throw MtmException.invalid("offset", "must be " + OFFSET.minimum() + " or more");
        }
        if (limit < LIMIT.minimum() || limit > LIMIT.maximum()) {
            throw MtmException.invalid("limit", "must be between " + LIMIT.minimum() + " and " + LIMIT.maximum());
        }
        if (after != null && after < AFTER.minimum()) {
            throw MtmException.invalid("after", "must be " + AFTER.minimum() + " or more");
        }
        if (after != null && offset != 0) {
            throw bothGiven();
        }
    }

    /** A page by offset. */
    public PageRequest(int offset, int limit) {
        this(offset, limit, null);
    }

    /** Builds a request from optional values, applying the defaults. */
    public static PageRequest of(Integer offset, Integer limit) {
        return of(offset, limit, null);
    }

    /** Builds a request from optional values, applying the defaults; {@code offset} and {@code after} exclude each other. */
    public static PageRequest of(Integer offset, Integer limit, Long after) {
        if (offset != null && after != null) {
            throw bothGiven();
        }
        return new PageRequest(offset == null ? 0 : offset, limit == null ? DEFAULT_LIMIT : limit, after);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    /** The page that follows the last id {@code after}. */
    public static PageRequest after(long after, int limit) {
        return new PageRequest(0, limit, after);
    }

    private static MtmException bothGiven() {
        return MtmException.invalid("after", "cannot be combined with offset: give offset or after, not both");
    }
}
