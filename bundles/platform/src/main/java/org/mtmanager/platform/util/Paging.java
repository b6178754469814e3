package org.mtmanager.platform.util;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.mtmanager.api.PageRequest;

/**
 * Paging that stays fast on large tables: the page is chosen on ids alone (an index-only scan, where the database
 * would otherwise step over every skipped row in full), then only that page's rows are read. A page after a cursor
 * ({@link PageRequest#after()}) starts at the cursor in the index, so it costs the same however deep it is.
 */
public final class Paging {

    /** A page's ids, and the cursor of the page that follows (null: none follows). */
    public record Slice(List<Long> ids, Long next) {
    }

    private Paging() {
    }

    /**
     * Positions a query of ids in the list's order: after the cursor (which the query's JPQL compares with its
     * {@code :after} parameter, {@code >} in ascending and {@code <} in descending order), or at the offset; and asks
     * for one id more than the page, which shows whether another page follows.
     */
    public static Slice slice(TypedQuery<Long> ids, PageRequest page) {
        if (page.after() == null) {
            ids.setFirstResult(page.offset());
        } else {
            ids.setParameter("after", page.after());
        }
        List<Long> found = ids.setMaxResults(page.limit() + 1).getResultList();
        if (found.size() <= page.limit()) {
            return new Slice(found, null);
        }
        List<Long> shown = found.subList(0, page.limit());
        return new Slice(shown, shown.get(shown.size() - 1));
    }

    /** The JPQL condition on the id that {@link #slice} binds, or nothing when the page goes by offset. */
    public static String afterCursor(PageRequest page, String id, boolean descending) {
        return page.after() == null ? "" : " AND " + id + (descending ? " < :after" : " > :after");
    }

    /**
     * The entities with these ids, in the order of the ids.
     *
     * @param idField the entity's id attribute in JPQL
     * @param idOf    reads the id of a loaded entity
     */
    public static <T> List<T> byIds(EntityManager em, Class<T> type, String idField, ToLongFunction<T> idOf,
                                    List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        return em.createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e." + idField + " IN :ids", type)
            .setParameter("ids", ids).getResultList().stream()
            .sorted(Comparator.comparingInt(e -> position.get(idOf.applyAsLong(e)))).toList();
    }
}
