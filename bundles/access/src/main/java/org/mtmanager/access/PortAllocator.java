package org.mtmanager.access;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import javax.persistence.EntityManager;

import org.mtmanager.api.MtmException;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PortEntity;
import org.mtmanager.store.entity.SettingEntity;

/**
 * External ports from the locked {@code network.reserved-port-range}: a machine's service keeps the port it was
 * given; a new one takes the lowest free port. It runs inside the granting transaction, and the port is the table's
 * primary key: never two owners, across threads, nodes and restarts alike. Two nodes choosing the same port meet at
 * that key; the store runs the loser's grant again, and it takes the next free port.
 */
final class PortAllocator {
    private PortAllocator() {
    }

    static PortEntity portFor(EntityManager em, MachineEntity m, Services.Service service, boolean highOnly, Instant now) {
        PortEntity kept = em.createQuery("SELECT p FROM PortEntity p WHERE p.machineId = :m AND p.service = :s", PortEntity.class)
            .setParameter("m", m.getId()).setParameter("s", service.key()).getResultList().stream().findFirst().orElse(null);
        if (kept != null) {
            return kept;
        }
        int[] range = range(em);
        // Distributors publish only on high, non-well-known ports, whatever the range says.
        int first = highOnly ? Math.max(range[0], 1024) : range[0];
        Set<Integer> used = new HashSet<>(em.createQuery(
            "SELECT p.externalPort FROM PortEntity p WHERE p.externalPort BETWEEN :a AND :b", Integer.class)
            .setParameter("a", first).setParameter("b", range[1]).getResultList());
        for (int port = first; port <= range[1]; port++) {
            if (!used.contains(port)) {
                PortEntity p = new PortEntity();
                p.setExternalPort(port);
                p.setMachineId(m.getId());
                p.setService(service.key());
                p.setProtocol(service.protocol());
                p.setPort(service.port());
                p.setCreatedAt(now);
                em.persist(p);
                return p;
            }
        }
        throw MtmException.conflict("service", "the reserved port range " + range[0] + "-" + range[1] + " has no free port");
    }

    static int[] range(EntityManager em) {
        SettingEntity s = em.find(SettingEntity.class, "network.reserved-port-range");
        String[] parts = (s == null ? "10000-19999" : s.getValue()).split("-");
        return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
    }
}
