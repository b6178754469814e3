package org.mtmanager.access;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.HashSet;
import java.util.Set;

import org.junit.Test;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.access.GrantRequest;

public class ServicesTest {
    @Test
    public void theDeclaredServicesAreTheKnownOnesAndCustom() {
        Set<String> known = new HashSet<>(Services.WELL_KNOWN.keySet());
        known.add(Services.CUSTOM);
        assertEquals(known, new HashSet<>(GrantRequest.SERVICE.values()));
    }

    @Test
    public void everyDeclaredServiceResolves() {
        for (String service : GrantRequest.SERVICE.values()) {
            Services.Service s = Services.resolve(new GrantRequest("198.51.100.7", service, "probe", 8080, "tcp", null));
            assertEquals(service.equals(Services.CUSTOM) ? "probe" : service, s.name());
        }
    }

    @Test
    public void aCustomServiceKeepsToTheDeclaredRules() {
        long port = GrantRequest.PORT.maximum();
        assertEquals(port, Services.resolve(new GrantRequest("198.51.100.7", "custom", "probe", (int) port, "udp", null)).port());
        MtmException high = assertThrows(MtmException.class,
            () -> Services.resolve(new GrantRequest("198.51.100.7", "custom", "probe", (int) port + 1, "udp", null)));
        assertEquals("port", high.field());
        String longest = "p".repeat(GrantRequest.NAME.maxLength());
        assertEquals(longest, Services.resolve(new GrantRequest("198.51.100.7", "custom", longest, 8080, "tcp", null)).name());
        MtmException tooLong = assertThrows(MtmException.class,
            () -> Services.resolve(new GrantRequest("198.51.100.7", "custom", longest + "p", 8080, "tcp", null)));
        assertEquals("name", tooLong.field());
        MtmException protocol = assertThrows(MtmException.class,
            () -> Services.resolve(new GrantRequest("198.51.100.7", "custom", "probe", 8080, "sctp", null)));
        assertEquals("protocol: must be one of " + String.join(", ", GrantRequest.PROTOCOL.values()), protocol.getMessage());
    }
}
