package org.mtmanager.machine;

import java.util.Comparator;
import java.util.List;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.host.Host;
import org.mtmanager.api.host.HostService;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The hosts with their use and problems, read from the same figures placement uses. */
@Component(service = HostService.class)
public class HostServiceImpl implements HostService {
    private final Store store;
    private final Infrastructure infra;

    @Activate
    public HostServiceImpl(@Reference Store store, @Reference Infrastructure infra) {
        this.store = store;
        this.infra = infra;
    }

    @Override
    public List<Host> list(Caller caller) {
        Scope.requirePlatformAdmin(caller);
        return store.read(em -> {
            List<Placement.Host> placed = Allocation.hosts(em, infra);
            return placed.stream().sorted(Comparator.comparing(Placement.Host::name)).map(h -> {
                long machines = em.createQuery("SELECT COUNT(m.id) FROM MachineEntity m WHERE m.host = :h AND m.state <> 'DELETED'",
                    Long.class).setParameter("h", h.name()).getSingleResult();
                return new Host(h.name(), h.driverType(), infra.driver(h.driverType()).isPresent(), h.usable(), h.problems(),
                    infra.host(h.name()).map(c -> c.network().toString()).orElse(""), h.vcpu(), h.memoryMb(), h.diskGb(),
                    h.usedVcpu(), h.usedMemoryMb(), h.usedDiskGb(), machines);
            }).toList();
        });
    }

    @Override
    public Host get(Caller caller, String name) {
        return list(caller).stream().filter(h -> h.name().equals(name)).findFirst()
            .orElseThrow(() -> new MtmException(ErrorCode.NOT_FOUND, "name", "no host is named " + name));
    }
}
