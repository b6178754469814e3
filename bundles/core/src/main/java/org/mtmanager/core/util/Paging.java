package org.mtmanager.core.util;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import javax.persistence.EntityManager;

/**
 * Offset paging that stays fast on large tables: the page is chosen on ids alone (an index-only scan, where the
 * database would otherwise step over every skipped row in full), then only that page's rows are read.
 */
public final class Paging {

    private Paging() {
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
