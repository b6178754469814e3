package org.mtmanager.platform.util;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.mtmanager.store.testing.Refusals.expect;

import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.field.Formats;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.plan.PlanDraft;

/** Fields by their declared rules, the one character rule of stored text, and the one range of instants the API takes. */
public class FieldsTest {
    private static String refusal(Runnable r) {
        MtmException e = assertThrows(MtmException.class, r::run);
        return e.getMessage();
    }

    @Test
    public void textKeepsToItsDeclaredLengthAndPattern() {
        FieldSpec hostname = MachineRequest.HOSTNAME;
        String longest = "a".repeat(hostname.maxLength());
        assertEquals(longest, Fields.text(hostname, " " + longest + " "));
        assertEquals("hostname: must be at most 63 characters", refusal(() -> Fields.text(hostname, longest + "a")));
        assertEquals("hostname: " + hostname.rule(), refusal(() -> Fields.text(hostname, "-dash")));
        assertEquals("hostname: is required", refusal(() -> Fields.text(hostname, " ")));
    }

    @Test
    public void textFromNoUserIsMadeOneThatTheCharacterRuleTakes() {
        String raw = "\u001b[0mok\r\n\u0000 \uFFFE\uFFFF \uD800x \uDC00 \uD83D\uDE00 ñ";
        String safe = Fields.xmlSafe(raw);
        assertEquals(" [0mok    \uFFFD\uFFFD \uFFFDx \uFFFD \uD83D\uDE00 ñ", safe);
        assertEquals(safe, Fields.characters("step", safe));
        assertEquals("clean text is the same object", "plain", Fields.xmlSafe("plain"));
        assertNull(Fields.xmlSafe(null));
        assertEquals("\uFFFD", Fields.xmlSafe("\uD800"));
    }

    @Test
    public void optionalTextIsNullWhenAbsent() {
        FieldSpec description = FieldSpec.text("description", 5);
        assertNull(Fields.text(description, null));
        assertNull(Fields.text(description, "  "));
        assertEquals("description: must not contain control characters", refusal(() -> Fields.text(description, "a\u0007b")));
    }

    @Test
    public void textIsOneOfItsValues() {
        FieldSpec protocol = FieldSpec.oneOf("protocol", List.of("tcp", "udp")).mandatory();
        assertEquals("udp", Fields.text(protocol, "udp"));
        assertEquals("protocol: must be one of tcp, udp", refusal(() -> Fields.text(protocol, "sctp")));
    }

    @Test
    public void numbersKeepToTheirBounds() {
        FieldSpec vcpu = PlanDraft.VCPU;
        assertEquals(Integer.valueOf(256), Fields.number(vcpu, 256));
        assertEquals("vcpu: must be between 1 and 256", refusal(() -> Fields.number(vcpu, 257)));
        assertEquals("vcpu: must be between 1 and 256", refusal(() -> Fields.number(vcpu, 0)));
        assertEquals("vcpu: is required", refusal(() -> Fields.number(vcpu, null)));
        assertNull(Fields.number(MachineRequest.EXTENSIONS, null));
        assertEquals("extensions: must be at least 1", refusal(() -> Fields.number(MachineRequest.EXTENSIONS, 0)));
    }

    @Test
    public void anEmailAddressIsCheckedByItsDeclaredRuleUnderTheFieldsOwnName() {
        FieldSpec contact = Formats.EMAIL.named("contactEmail");
        assertEquals("ops@example.com", Fields.text(contact, " ops@example.com "));
        assertNull("optional: absent or blank is none", Fields.text(contact, " "));
        assertEquals("contactEmail: " + Formats.EMAIL.rule(), refusal(() -> Fields.text(contact, "ops@")));
        FieldSpec customer = CustomerData.EMAIL.in("customer");
        assertEquals("customer.email: is required", refusal(() -> Fields.text(customer, null)));
        assertEquals("customer.email: is required", refusal(() -> Fields.text(customer, " ")));
    }

    @Test
    public void textThatXmlCannotCarryIsRefusedByEveryTextCheck() {
        for (String bad : new String[] {"Evil\uffffName", "Evil\ufffeName", "Fz\ud800x", "Fz\udc00x", "end\ud83d",
            "tab\there", "nul\u0000", "del\u007f", "c1\u0085"}) {
            expect(ErrorCode.INVALID_FIELD, "name", () -> Fields.name("name", bad, 100));
            expect(ErrorCode.INVALID_FIELD, "reason", () -> Fields.optionalText("reason", bad, 100));
            expect(ErrorCode.INVALID_FIELD, "plan", () -> Fields.required("plan", bad));
            expect(ErrorCode.INVALID_FIELD, "value", () -> Fields.characters("value", bad));
            expect(ErrorCode.INVALID_FIELD, "email", () -> Fields.text(Formats.EMAIL, "a" + bad + "@example.com"));
        }
    }

    @Test
    public void anyOtherUnicodeTextIsKept() {
        assertEquals("Zoë 北京 \ud83d\ude00 ok", Fields.name("name", " Zoë 北京 \ud83d\ude00 ok ", 100));
        assertEquals("\ufffd", Fields.characters("name", "\ufffd"));
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
