package org.mtmanager.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the total across all pages, so that a client can page without counting itself.
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), offset, limit, total);
    }
}
