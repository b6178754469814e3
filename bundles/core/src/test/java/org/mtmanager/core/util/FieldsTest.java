package org.mtmanager.core.util;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.plan.PlanDraft;

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
}
