package org.mtmanager.machine.facade.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.Test;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.field.Formats;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.rest.support.OpenApiContract;

/** Machines' resources against the document's contract, and the rules their values publish. */
public class MachineOpenApiTest extends OpenApiContract {
    @Override
    protected List<Class<?>> resources() {
        return List.of(MachineResource.class, JobResource.class, HostResource.class, ReconcileResource.class,
            PlanChangeResource.class);
    }

    @Test
    public void theDocumentHasMachinesPaths() {
        Set<String> roots = new TreeSet<>();
        map(doc().get("paths")).keySet().forEach(path -> roots.add(path.split("/")[1]));
        assertEquals(Set.of("hosts", "jobs", "machines", "plan-changes", "reconcile"), roots);
        assertTrue("expected the rules of many fields, found " + declaredRules(), declaredRules() > 15);
    }

    @Test
    public void draftsAndAnswersListTheirRequiredFields() {
        assertEquals(List.of("hostname", "customer", "plan"), required("MachineRequest"));
        assertEquals(List.of("company", "contact", "email", "phone", "address", "taxId"), required("CustomerData"));
        assertTrue(required("Machine").toString(), required("Machine").contains("id"));
        assertEquals(Map.of("$ref", "#/components/schemas/CustomerData"), property("MachineRequest", "customer"));
    }

    @Test
    public void hostnameCarriesTheValidationLimits() {
        Map<String, Object> hostname = property("MachineRequest", "hostname");
        assertEquals(63, hostname.get("maxLength"));
        assertEquals(MachineRequest.HOSTNAME.pattern(), hostname.get("pattern"));
        Pattern p = Pattern.compile((String) hostname.get("pattern"));
        assertTrue(p.matcher("dental-madrid").matches());
        assertFalse(p.matcher("-dental").matches());
        assertFalse(p.matcher("dental.madrid").matches());
        assertEquals("dental-madrid", hostname.get("example"));
        assertEquals(200, property("CustomerData", "company").get("maxLength"));
        assertTrue(property("CustomerData", "email").containsKey("example"));
        examplesAreValid(doc(), "MachineRequest", "CustomerData");
    }

    @Test
    public void pagingAndIdempotencyParametersCarryTheirBounds() {
        List<?> params = (List<?>) at(doc(), "paths", "/machines", "get").get("parameters");
        Map<String, Object> limit = params.stream().map(OpenApiContract::map).filter(p -> "limit".equals(p.get("name")))
            .findFirst().orElseThrow();
        Map<String, Object> schema = at(limit, "schema");
        assertEquals("integer", schema.get("type"));
        assertEquals((long) PageRequest.MAX_LIMIT, schema.get("maximum"));
        assertEquals(1L, schema.get("minimum"));

        List<?> stop = (List<?>) at(doc(), "paths", "/machines/{id}/stop", "post").get("parameters");
        Map<String, Object> key = stop.stream().map(OpenApiContract::map).filter(p -> "Idempotency-Key".equals(p.get("name")))
            .findFirst().orElseThrow();
        assertEquals("header", key.get("in"));
        assertEquals(Formats.IDEMPOTENCY_KEY.pattern(), at(key, "schema").get("pattern"));
        assertEquals(Formats.IDEMPOTENCY_KEY.pattern(), property("Confirmation", "idempotencyKey").get("pattern"));
    }
}
