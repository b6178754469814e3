package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;

import java.sql.SQLDataException;

import javax.persistence.PersistenceException;

import org.junit.Test;

/** A job's error and a host's problems read as sentences, never as Java class names or SQL statements. */
public class FailuresTest {

    @Test
    public void theDatabasesOwnWordsWinOverTheLayersAroundThem() {
        PersistenceException e = new PersistenceException("<openjpa-3.2.2-re5933d6 nonfatal general error> "
            + "org.apache.openjpa.persistence.PersistenceException: The string representation of a date/time value is out of "
            + "range. {prepstmnt 42 SELECT t0.id FROM MTM_AUDIT t0 WHERE t0.ATIME > ?} [code=20000, state=22008]",
            new SQLDataException("The string representation of a date/time value is out of range.", "22008"));
        assertEquals("the database refused it: The string representation of a date/time value is out of range.",
            Failures.describe(e));
    }

    @Test
    public void classNamesAroundAMessageGoAndAMessageThatIsOnlyOneCountsAsNone() {
        assertEquals("boom", Failures.describe(new RuntimeException(new IllegalStateException("boom"))));
        assertEquals("no details (the server log has them)", Failures.describe(new NullPointerException()));
        assertEquals("no details (the server log has them)",
            Failures.describe(new RuntimeException("org.mtmanager.hypervisor.container.Container")));
        assertEquals("host.overcommit.cpu must be a number", Failures.describe(new IllegalArgumentException(
            "host.overcommit.cpu must be a number")));
    }
}
