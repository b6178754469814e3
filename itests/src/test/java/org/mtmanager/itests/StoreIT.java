package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The distribution's store on its default database, embedded Derby: Liquibase runs inside Karaf (with SPI Fly), the
 * server migrated the schema at start before it published the store, and the store works through the API.
 * {@link PostgresStoreIT} runs the same on PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoreIT extends MtmTestSupport {

    @Inject
    @Filter("(osgi.jndi.service.name=mtm)")
    protected DataSource dataSource;

    @Inject
    protected BundleContext context;

    /** The product name the data source's database reports. */
    protected String expectedDatabase() {
        return "Apache Derby";
    }

    @Test
    public void theServerMigratedItsDatabaseAtStartAndTheStoreWorks() throws Exception {
        Bundle liquibase = Arrays.stream(context.getBundles())
            .filter(b -> "org.liquibase.core".equals(b.getSymbolicName())).findFirst().orElseThrow();
        assertEquals("Liquibase is active", Bundle.ACTIVE, liquibase.getState());
        try (Connection c = dataSource.getConnection()) {
            assertEquals(expectedDatabase(), c.getMetaData().getDatabaseProductName());
            String changelog = c.getMetaData().storesLowerCaseIdentifiers() ? "databasechangelog" : "DATABASECHANGELOG";
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT EXECTYPE FROM " + changelog + " WHERE ID = '001-MTM_ACCOUNT'")) {
                assertTrue("the baseline is recorded", rs.next());
                assertEquals("a new database gets the baseline run", "EXECUTED", rs.getString(1));
            }
        }
        String name = unique("Stored Operator");
        Http.Response created = admin().post(API + "/accounts", Map.of("type", "operator", "name", name));
        assertEquals(created.toString(), 201, created.status());
        long id = created.json().get("id").asLong();
        Http.Response back = admin().get(API + "/accounts/" + id);
        assertEquals(back.toString(), 200, back.status());
        assertEquals(name, back.json().get("name").asText());
        Http.Response verify = admin().get(API + "/audit/verify");
        assertTrue(verify.toString(), verify.json().get("intact").asBoolean());
    }
}
