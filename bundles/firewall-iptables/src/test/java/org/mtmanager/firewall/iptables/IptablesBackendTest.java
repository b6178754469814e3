package org.mtmanager.firewall.iptables;

import org.mtmanager.spi.firewall.FirewallBackend;
import org.mtmanager.spi.firewall.FirewallContract;

/** The backend contract on real iptables, in namespaces the tests make. */
public class IptablesBackendTest extends FirewallContract {
    private final IptablesBackend backend = new IptablesBackend();

    @Override
    protected FirewallBackend backend() {
        return backend;
    }
}
