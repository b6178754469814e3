package org.mtmanager.core.machine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The hosts and hypervisor drivers present right now. Both come and go at run time (a host's configuration file,
 * a driver bundle dropped into deploy/), so everything here is dynamic; listeners hear when a driver arrives,
 * which is when jobs waiting for it run.
 */
@Component(service = Infrastructure.class)
public class Infrastructure {
    private final Map<String, HostConfig> hosts = new ConcurrentHashMap<>();
    private final Map<String, HypervisorDriver> drivers = new ConcurrentHashMap<>();
    private final List<Runnable> driverListeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void addHost(HostConfig host) {
        hosts.put(host.name(), host);
    }

    public void removeHost(HostConfig host) {
        hosts.remove(host.name(), host);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void addDriver(HypervisorDriver driver, Map<String, Object> props) {
        drivers.put(String.valueOf(props.getOrDefault(HypervisorDriver.TYPE_PROPERTY, driver.type())), driver);
        driverListeners.forEach(Runnable::run);
    }

    public void removeDriver(HypervisorDriver driver, Map<String, Object> props) {
        drivers.remove(String.valueOf(props.getOrDefault(HypervisorDriver.TYPE_PROPERTY, driver.type())), driver);
    }

    public List<HostConfig> hosts() {
        return List.copyOf(hosts.values());
    }

    public Optional<HostConfig> host(String name) {
        return Optional.ofNullable(name == null ? null : hosts.get(name));
    }

    public Optional<HypervisorDriver> driver(String type) {
        return Optional.ofNullable(type == null ? null : drivers.get(type));
    }

    public void onDriverAdded(Runnable listener) {
        driverListeners.add(listener);
    }
}
