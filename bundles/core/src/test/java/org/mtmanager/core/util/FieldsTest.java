package org.mtmanager.core.util;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.mtmanager.core.CoreFixture.expect;

import java.time.Instant;

import org.junit.Test;
import org.mtmanager.api.ErrorCode;

/** The one character rule of stored text, and the one range of instants the API takes. */
public class FieldsTest {

    @Test
    public void textThatXmlCannotCarryIsRefusedByEveryTextCheck() {
        for (String bad : new String[] {"Evil\uffffName", "Evil\ufffeName", "Fz\ud800x", "Fz\udc00x", "end\ud83d",
            "tab\there", "nul\u0000", "del\u007f", "c1\u0085"}) {
            expect(ErrorCode.INVALID_FIELD, "name", () -> Fields.name("name", bad, 100));
            expect(ErrorCode.INVALID_FIELD, "reason", () -> Fields.optionalText("reason", bad, 100));
            expect(ErrorCode.INVALID_FIELD, "plan", () -> Fields.required("plan", bad));
            expect(ErrorCode.INVALID_FIELD, "value", () -> Fields.text("value", bad));
            expect(ErrorCode.INVALID_FIELD, "email", () -> Fields.email("email", "a" + bad + "@example.com"));
        }
    }

    @Test
    public void anyOtherUnicodeTextIsKept() {
        assertEquals("Zoë 北京 \ud83d\ude00 ok", Fields.name("name", " Zoë 北京 \ud83d\ude00 ok ", 100));
        assertEquals("\ufffd", Fields.text("name", "\ufffd"));
        assertNull(Fields.optionalText("reason", " ", 10));
    }

    @Test
    public void instantsOutsideWhatBothDatabasesStoreAreRefused() {
        assertNull(Fields.instant("from", null));
        assertEquals(Fields.EARLIEST, Fields.instant("from", Instant.parse("1970-01-01T00:00:00Z")));
        assertEquals(Fields.LATEST, Fields.instant("to", Instant.parse("9999-12-31T23:59:59Z")));
        expect(ErrorCode.INVALID_FIELD, "to", () -> Fields.instant("to", Instant.parse("+10000-01-01T00:00:00Z")));
        expect(ErrorCode.INVALID_FIELD, "expiresAt", () -> Fields.instant("expiresAt", Instant.MAX));
        expect(ErrorCode.INVALID_FIELD, "from", () -> Fields.instant("from", Instant.parse("1969-12-31T23:59:59Z")));
        assertEquals("to: must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z",
            expect(ErrorCode.INVALID_FIELD, "to", () -> Fields.instant("to", Instant.MAX)).getMessage());
    }
}
