package org.mtmanager.core.access;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.spi.firewall.Policy;
import org.mtmanager.store.entity.GrantEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PortEntity;

/** The database's forwards and grants as a firewall policy. */
final class AccessPolicy {
    private AccessPolicy() {
    }

    static Policy.Forward forward(PortEntity p, String internalIp) {
        return new Policy.Forward(p.getProtocol(), p.getExternalPort(), internalIp, p.getPort());
    }

    static Policy.Allow allow(GrantEntity g, String internalIp) {
        return new Policy.Allow(g.getSource(), internalIp, g.getProtocol(), g.getPort());
    }

    /** Everything that should be installed: forwards and grants of machines that are not deleted. */
    static Policy desired(EntityManager em) {
        // Plain columns, not entities: at 10,000 machines, materialising 30,000 entities costs seconds.
        List<Policy.Forward> forwards = new ArrayList<>();
        em.createQuery("SELECT p.protocol, p.externalPort, m.internalIp, p.port FROM PortEntity p, MachineEntity m "
                + "WHERE p.machineId = m.id AND m.state <> 'DELETED'", Object[].class).getResultList()
            .forEach(r -> forwards.add(new Policy.Forward((String) r[0], ((Number) r[1]).intValue(), (String) r[2], ((Number) r[3]).intValue())));
        List<Policy.Allow> allows = new ArrayList<>();
        em.createQuery("SELECT g.source, m.internalIp, g.protocol, g.port FROM GrantEntity g, MachineEntity m "
                + "WHERE g.machineId = m.id AND m.state <> 'DELETED'", Object[].class).getResultList()
            .forEach(r -> allows.add(new Policy.Allow((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue())));
        return Policy.of(forwards, allows);
    }

    /** One machine's entries, for its removal. */
    static Policy of(EntityManager em, MachineEntity m) {
        List<Policy.Forward> forwards = em.createQuery("SELECT p FROM PortEntity p WHERE p.machineId = :m", PortEntity.class)
            .setParameter("m", m.getId()).getResultList().stream().map(p -> forward(p, m.getInternalIp())).toList();
        List<Policy.Allow> allows = em.createQuery("SELECT g FROM GrantEntity g WHERE g.machineId = :m", GrantEntity.class)
            .setParameter("m", m.getId()).getResultList().stream().map(g -> allow(g, m.getInternalIp())).toList();
        return Policy.of(forwards, allows);
    }
}
