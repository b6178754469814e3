package org.mtmanager.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the total across all pages, so that a client can page without counting itself.
 *
 * @param next the {@link PageRequest#after() after} of the following page, or null: this is the last page, or the
 *             list pages by offset only
 */
public record Page<T>(List<T> items, int offset, int limit, long total, Long next) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page of a list that pages by offset only. */
    public Page(List<T> items, int offset, int limit, long total) {
        this(items, offset, limit, total, null);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), offset, limit, total, next);
    }
}
