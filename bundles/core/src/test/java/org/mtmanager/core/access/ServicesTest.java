package org.mtmanager.core.access;

import static org.junit.Assert.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.Test;
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
}
