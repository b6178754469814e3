package org.mtmanager.machine;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.util.UpgradePath;
import org.mtmanager.store.entity.MachineClaimEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.SettingEntity;

/**
 * What a new machine is given: a host with room, a serial number, an internal address and the latest PBX
 * version; all read inside the creating transaction. Two creates on different nodes may still choose the same
 * serial, address or hostname: the serial's unique column and the claims ({@link #claim}) refuse the second at
 * its commit, and the store runs it again, when it reads the first one's choice and takes the next free value.
 */
final class Allocation {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Allocation() {
    }

    static List<Placement.Host> hosts(EntityManager em, Infrastructure infra) {
        return infra.hosts().stream().map(h -> {
            Object[] used = em.createQuery("SELECT SUM(p.vcpu), SUM(p.memoryMb), SUM(p.diskGb) FROM MachineEntity m, PlanEntity p "
                    + "WHERE m.planId = p.id AND m.host = :h AND m.state <> 'DELETED'", Object[].class)
                .setParameter("h", h.name()).getSingleResult();
            return new Placement.Host(h.name(), h.settings().driverType(), infra.problems(h),
                h.vcpu(), h.memoryMb(), h.diskGb(), intOf(used[0]), intOf(used[1]), intOf(used[2]));
        }).toList();
    }

    static int intOf(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    static BigDecimal decimal(EntityManager em, String key) {
        SettingEntity s = em.find(SettingEntity.class, key);
        return s == null ? BigDecimal.ONE : new BigDecimal(s.getValue());
    }

    static String latestVersion(EntityManager em) {
        return upgradePath(em).latest();
    }

    static String serial(EntityManager em) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String s = "MT" + String.format("%010d", Math.floorMod(RANDOM.nextLong(), 10_000_000_000L));
            long used = em.createQuery("SELECT COUNT(m.id) FROM MachineEntity m WHERE m.serial = :s", Long.class)
                .setParameter("s", s).getSingleResult();
            if (used == 0) {
                return s;
            }
        }
        throw new IllegalStateException("no free serial number after 10 attempts");
    }

    /**
     * The lowest free address of the host's internal network from its 10th address on (the first ones are the
     * host's own), skipping .0 and .255, among machines not deleted on any host (hosts may share a network).
     */
    static String internalIp(EntityManager em, HostConfig host) {
        InternalNetwork net = host.network();
        Set<String> used = new HashSet<>(em.createQuery(
            "SELECT m.internalIp FROM MachineEntity m WHERE m.state <> 'DELETED' AND m.internalIp LIKE :p", String.class)
            .setParameter("p", net.commonPrefix() + "%").getResultList());
        for (long i = 10; i < net.size() - 1; i++) {
            String ip = net.address(i);
            if (!ip.endsWith(".0") && !ip.endsWith(".255") && !used.contains(ip)) {
                return ip;
            }
        }
        throw new MtmException(ErrorCode.CONFLICT, "host " + host.name() + ": the internal network " + net + " has no free address");
    }

    /**
     * Takes what the machine holds alone among live machines, its internal address (chosen by {@link #internalIp})
     * and its hostname (checked free by {@code MachineInput.requireFreeHostname}), once the machine row has its id.
     * A claim still naming a deleted machine is taken over; one naming a live machine means another create took
     * the value after this one read it free, so this unit of work must run again (and then chooses another
     * address, or answers that the hostname is taken).
     */
    static void claim(EntityManager em, MachineEntity m) {
        claim(em, m, MachineClaimEntity.ADDRESS + m.getInternalIp());
        claim(em, m, MachineClaimEntity.HOSTNAME + m.getHostname());
    }

    private static void claim(EntityManager em, MachineEntity m, String value) {
        MachineClaimEntity row = em.find(MachineClaimEntity.class, value);
        if (row == null) {
            row = new MachineClaimEntity();
            row.setClaim(value);
            row.setMachineId(m.getId());
            em.persist(row);
            return;
        }
        MachineEntity holder = em.find(MachineEntity.class, row.getMachineId());
        if (holder != null && holder.getId() != m.getId() && !MachineState.DELETED.name().equals(holder.getState())) {
            throw new OptimisticLockException(value + " was taken concurrently");
        }
        row.setMachineId(m.getId());
    }

    static UpgradePath upgradePath(EntityManager em) {
        SettingEntity s = em.find(SettingEntity.class, "pbx.upgrade-path");
        return UpgradePath.parse("pbx.upgrade-path", s == null ? "16.2" : s.getValue());
    }
}
