package org.mtmanager.sipedge;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.mtmanager.store.entity.SettingEntity;

/** What the edge routes by, as the database has it: the DID table (prefix digits to internal address) and the carriers. */
final class EdgeRoutes {
    static final String CARRIERS = "sip.carriers";
    private static final String ROUTES = "SELECT r.prefix, m.internalIp FROM DidRouteEntity r, MachineEntity m WHERE r.machineId = m.id";

    private EdgeRoutes() {
    }

    /** The whole table. */
    static Map<String, String> all(EntityManager em) {
        return map(em.createQuery(ROUTES, Object[].class).getResultList());
    }

    /** The routes of these prefixes that exist; a prefix without one is not in the answer. */
    static Map<String, String> of(EntityManager em, Collection<String> prefixes) {
        if (prefixes.isEmpty()) {
            return Map.of();
        }
        return map(em.createQuery(ROUTES + " AND r.prefix IN :p", Object[].class).setParameter("p", prefixes).getResultList());
    }

    /** The setting's carriers (already canonical: the setting's type checked them); none when it is unset. */
    static List<String> carriers(EntityManager em) {
        SettingEntity s = em.find(SettingEntity.class, CARRIERS);
        if (s == null || s.getValue() == null || s.getValue().isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.getValue().split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    private static Map<String, String> map(List<Object[]> rows) {
        Map<String, String> out = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            out.put((String) row[0], (String) row[1]);
        }
        return out;
    }
}
