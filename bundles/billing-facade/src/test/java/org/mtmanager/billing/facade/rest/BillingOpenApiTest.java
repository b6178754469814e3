package org.mtmanager.billing.facade.rest;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.mtmanager.rest.support.OpenApiContract;

/**
 * Billing's resources describe themselves as the platform's do: the document the REST server builds with them is
 * held to the same contract (OpenApiContract), and has their paths, with decimals as numbers.
 */
public class BillingOpenApiTest extends OpenApiContract {
    private static final List<Class<?>> RESOURCES = List.of(UsageResource.class, PriceListResource.class,
        StatementResource.class, ReportResource.class);

    @Override
    protected List<Class<?>> resources() {
        return RESOURCES;
    }

    @Test
    public void theDocumentHasBillingsPaths() {
        Set<String> roots = new TreeSet<>();
        map(doc().get("paths")).keySet().forEach(path -> roots.add(path.split("/")[1]));
        assertEquals(Set.of("price-lists", "reports", "statements", "usage"), roots);
    }

    @Test
    public void decimalsAreNumbers() {
        assertEquals("number", property("Correction", "amount").get("type"));
        assertEquals("number", map(property("PriceListDraft", "prices").get("additionalProperties")).get("type"));
        assertEquals("number", property("StatementLine", "amount").get("type"));
    }
}
