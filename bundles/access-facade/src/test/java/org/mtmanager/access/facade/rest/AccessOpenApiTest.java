package org.mtmanager.access.facade.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.mtmanager.api.access.GrantRequest;
import org.mtmanager.rest.support.OpenApiContract;

/** Network access's resources against the document's contract, and the rules their values publish. */
public class AccessOpenApiTest extends OpenApiContract {
    @Override
    protected List<Class<?>> resources() {
        return List.of(AccessResource.class, FirewallResource.class, DidRouteResource.class);
    }

    @Test
    public void theDocumentHasAccessPaths() {
        Set<String> roots = new TreeSet<>();
        map(doc().get("paths")).keySet().forEach(path -> roots.add(path.split("/")[1]));
        assertEquals(Set.of("did-routes", "firewall", "machines"), roots);
        assertTrue(map(doc().get("paths")).containsKey("/machines/{id}/access"));
        assertTrue("expected the rules of several fields, found " + declaredRules(), declaredRules() > 5);
    }

    @Test
    public void grantsCarryTheirRulesAndExamples() {
        assertEquals(List.of("web", "https", "ssh", "telnet", "provisioning", "custom"), property("GrantRequest", "service").get("enum"));
        assertEquals(65_535L, property("GrantRequest", "port").get("maximum"));
        assertTrue(property("GrantRequest", "source").containsKey("example"));
        assertEquals(GrantRequest.SERVICE.values().get(0), property("GrantRequest", "service").get("example"));
        examplesAreValid(doc(), "GrantRequest");
    }
}
