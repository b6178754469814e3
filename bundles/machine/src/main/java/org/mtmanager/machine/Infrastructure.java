package org.mtmanager.machine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mtmanager.platform.util.Fields;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts and hypervisor drivers present right now. Both come and go at run time (a host's configuration file,
 * a driver bundle dropped into deploy/), so everything here is dynamic; listeners hear when a driver arrives,
 * which is when jobs waiting for it run.
 */
@Component(service = Infrastructure.class)
public class Infrastructure {
    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);
    private final Map<String, HostConfig> hosts = new ConcurrentHashMap<>();
    private final Map<String, HypervisorDriver> drivers = new ConcurrentHashMap<>();
    private final List<Runnable> driverListeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void addHost(HostConfig host) {
        hosts.put(host.name(), host);
        report(host);
    }

    public void removeHost(HostConfig host) {
        hosts.remove(host.name(), host);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void addDriver(HypervisorDriver driver, Map<String, Object> props) {
        String type = String.valueOf(props.getOrDefault(HypervisorDriver.TYPE_PROPERTY, driver.type()));
        drivers.put(type, driver);
        hosts.values().stream().filter(h -> h.settings().driverType().equals(type)).forEach(this::report);
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

    /**
     * Why a host cannot take machines now: its driver is not deployed, or the driver's own problems with it.
     * A driver that fails to answer is a problem too, not an error for the caller. A driver's words may quote what a
     * host printed: they are made XML-safe, as SOAP and the portal show them.
     */
    public List<String> problems(HostConfig host) {
        String type = host.settings().driverType();
        HypervisorDriver driver = drivers.get(type);
        if (driver == null) {
            return List.of("driver '" + type + "' is not deployed (install the feature mtm-hypervisor-" + type
                + ", or drop its bundle into deploy/)");
        }
        try {
            return List.copyOf(driver.problems(host.settings()).stream().map(Fields::xmlSafe).toList());
        } catch (RuntimeException e) {
            LOG.warn("driver '{}' failed to check host {}", type, host.name(), e);
            return List.of("driver '" + type + "' failed to check the host: " + Failures.describe(e));
        }
    }

    /** Says in the log, once a host and its driver are both here, whether the host can take machines. */
    private void report(HostConfig host) {
        if (!drivers.containsKey(host.settings().driverType())) {
            return;
        }
        List<String> problems = problems(host);
        if (problems.isEmpty()) {
            LOG.info("Host {} ({} driver) is ready for machines", host.name(), host.settings().driverType());
        } else {
            LOG.warn("Host {} ({} driver) cannot take machines: {}", host.name(), host.settings().driverType(),
                String.join("; ", problems));
        }
    }

    public void onDriverAdded(Runnable listener) {
        driverListeners.add(listener);
    }
}
