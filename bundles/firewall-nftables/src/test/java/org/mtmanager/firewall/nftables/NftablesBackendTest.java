package org.mtmanager.firewall.nftables;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;
import org.mtmanager.spi.firewall.FirewallBackend;
import org.mtmanager.spi.firewall.FirewallContract;

/** The backend contract on real nftables, in namespaces the tests make; and the listing parser. */
public class NftablesBackendTest extends FirewallContract {
    private final NftablesBackend backend = new NftablesBackend();

    @Override
    protected FirewallBackend backend() {
        return backend;
    }

    @Test
    public void wrappedListingsAreRead() {
        String listing = "table inet mtm {\n\tset allow4 {\n\t\ttype ipv4_addr . ipv4_addr . inet_proto . inet_service\n"
            + "\t\tflags interval\n\t\telements = { 198.18.1.2 . 10.77.0.10 . tcp . 22,\n\t\t\t     198.18.1.0/24 . 10.77.0.10 . tcp . 80 }\n\t}\n}\n";
        assertEquals(List.of("198.18.1.2 . 10.77.0.10 . tcp . 22", "198.18.1.0/24 . 10.77.0.10 . tcp . 80"), NftListing.elements(listing));
        assertEquals(List.of(), NftListing.elements("table inet mtm {\n\tset allow4 {\n\t}\n}"));
    }
}
