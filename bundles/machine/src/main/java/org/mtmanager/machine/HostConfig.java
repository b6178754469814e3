package org.mtmanager.machine;

import java.util.HashMap;
import java.util.Map;

import org.mtmanager.spi.hypervisor.HostSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * One hypervisor host, from a factory configuration {@code etc/org.mtmanager.host-<name>.cfg}:
 * {@code name}, {@code driver} (a driver type), the capacity {@code vcpu}, {@code memoryMb}, {@code diskGb}, the
 * internal {@code network} its machines get addresses from (default 10.100.0.0/16), and any driver setting (for
 * libvirt: {@code uri}; for containers: {@code bridge}, {@code stateDir}). Adding or removing the file adds or
 * removes the host.
 */
@Component(service = HostConfig.class, configurationPid = "org.mtmanager.host",
    configurationPolicy = ConfigurationPolicy.REQUIRE)
public class HostConfig {
    private final HostSettings settings;
    private final int vcpu;
    private final int memoryMb;
    private final int diskGb;
    private final InternalNetwork network;

    @Activate
    public HostConfig(Map<String, Object> props) {
        Map<String, String> strings = new HashMap<>();
        props.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        String name = strings.getOrDefault("name", "");
        String driver = strings.getOrDefault("driver", "");
        if (!name.matches("[a-z0-9][a-z0-9-]{0,62}") || driver.isBlank()) {
            throw new IllegalArgumentException("a host needs name (a DNS label) and driver; got " + strings);
        }
        this.settings = new HostSettings(name, driver, strings);
        this.vcpu = Integer.parseInt(strings.getOrDefault("vcpu", "16"));
        this.memoryMb = Integer.parseInt(strings.getOrDefault("memoryMb", "32768"));
        this.diskGb = Integer.parseInt(strings.getOrDefault("diskGb", "1000"));
        this.network = InternalNetwork.parse(strings.getOrDefault("network", InternalNetwork.DEFAULT));
    }

    public HostConfig(HostSettings settings, int vcpu, int memoryMb, int diskGb) {
        this.settings = settings;
        this.vcpu = vcpu;
        this.memoryMb = memoryMb;
        this.diskGb = diskGb;
        this.network = InternalNetwork.parse(settings.get("network").orElse(InternalNetwork.DEFAULT));
    }

    public HostSettings settings() {
        return settings;
    }

    public String name() {
        return settings.name();
    }

    public int vcpu() {
        return vcpu;
    }

    public int memoryMb() {
        return memoryMb;
    }

    public int diskGb() {
        return diskGb;
    }

    InternalNetwork network() {
        return network;
    }
}
