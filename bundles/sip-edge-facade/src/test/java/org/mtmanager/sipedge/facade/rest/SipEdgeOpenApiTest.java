package org.mtmanager.sipedge.facade.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.mtmanager.rest.support.OpenApiContract;

/** The SIP edge's resource against the document's contract. */
public class SipEdgeOpenApiTest extends OpenApiContract {
    @Override
    protected List<Class<?>> resources() {
        return List.of(SipEdgeResource.class);
    }

    @Test
    public void theDocumentHasTheEdgesStatusAndSync() {
        assertEquals(Set.of("/sip-edge", "/sip-edge/sync"), map(doc().get("paths")).keySet());
        assertTrue(map(map(doc().get("paths")).get("/sip-edge")).containsKey("get"));
        assertTrue(map(map(doc().get("paths")).get("/sip-edge/sync")).containsKey("post"));
    }
}
