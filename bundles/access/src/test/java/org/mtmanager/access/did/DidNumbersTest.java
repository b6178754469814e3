package org.mtmanager.access.did;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.tenant.TenantFixture;

/** Number normalisation, longest-prefix matching and nesting, on plain strings. */
public class DidNumbersTest {

    @Test
    public void numbersAreNormalisedToDigitsAndShownWithAPlus() {
        assertEquals("34915550", DidNumbers.digits("number", "+34915550"));
        assertEquals("34915550", DidNumbers.digits("number", "34915550"));
        assertEquals("34915550", DidNumbers.digits("number", " +34 (91) 555.0 "));
        // An unencoded '+' in a query string arrives as a space.
        assertEquals("34915550", DidNumbers.digits("number", " 34915550"));
        assertEquals("1", DidNumbers.digits("number", "+1"));
        assertEquals("123456789012345", DidNumbers.digits("number", "+123456789012345"));
        assertEquals("+34915550", DidNumbers.display("34915550"));
    }

    @Test
    public void badNumbersNameTheFieldAndTheRule() {
        for (String bad : new String[] {"", "  ", "+", "++34", "034915", "0034915", "+0", "34a915", "34,91",
            "1234567890123456", "+34 91 5\u00a05", "tel:+3491"}) {
            TenantFixture.expect(ErrorCode.INVALID_FIELD, "number", () -> DidNumbers.digits("number", bad));
        }
        TenantFixture.expect(ErrorCode.INVALID_FIELD, "number", () -> DidNumbers.digits("number", null));
        String range = TenantFixture.expect(ErrorCode.INVALID_FIELD, "number",
            () -> DidNumbers.digits("number", "+3491555 0000-0999")).getMessage();
        assertTrue(range, range.contains("not a range") && range.contains("+34915550"));
        assertTrue(TenantFixture.expect(ErrorCode.INVALID_FIELD, "n", () -> DidNumbers.digits("n", "0")).getMessage()
            .startsWith("n: must be an E.164 number or prefix"));
    }

    @Test
    public void theLongestPrefixWins() {
        List<String> table = List.of("34", "3491", "34915550", "349155501", "44");
        assertEquals(Optional.of("349155501"), DidNumbers.longestMatch("34915550123", table));
        assertEquals(Optional.of("34915550"), DidNumbers.longestMatch("34915550999", table));
        assertEquals(Optional.of("3491"), DidNumbers.longestMatch("34911111111", table));
        assertEquals(Optional.of("34"), DidNumbers.longestMatch("34600000000", table));
        assertEquals("a full number is its own longest prefix", Optional.of("34915550"), DidNumbers.longestMatch("34915550", table));
        assertEquals(Optional.empty(), DidNumbers.longestMatch("33123", table));
        assertEquals("a longer prefix never matches a shorter number", Optional.of("3491"),
            DidNumbers.longestMatch("349155", table));
        assertEquals(List.of("345", "34", "3"), DidNumbers.prefixesOf("345"));
    }

    @Test
    public void nestingIsFoundInEitherDirectionButEqualPrefixesAreNotNesting() {
        TreeSet<String> others = new TreeSet<>(List.of("3491", "349155509", "44"));
        assertEquals("covered by a shorter one", Optional.of("3491"), DidNumbers.nestedOther("34915550", others));
        assertEquals("covers a longer one", Optional.of("349155509"),
            DidNumbers.nestedOther("3491555", new TreeSet<>(List.of("3492", "349155509", "44"))));
        assertEquals("the same prefix is a duplicate, not nesting", Optional.empty(), DidNumbers.nestedOther("44", others));
        assertEquals("siblings do not overlap", Optional.empty(), DidNumbers.nestedOther("3492", others));
        assertEquals(Optional.empty(), DidNumbers.nestedOther("4", new TreeSet<>(List.of("5", "39"))));
        assertTrue(DidNumbers.nested("34", "3491"));
        assertTrue(DidNumbers.nested("3491", "34"));
        assertFalse(DidNumbers.nested("3491", "3492"));
    }
}
