package org.mtmanager.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.account.AccountType;

public class JsonAndParamsTest {
    private final ObjectMapper json = Json.mapper();

    private static void assertInvalid(String field, Runnable r) {
        MtmException e = assertThrows(MtmException.class, r::run);
        assertEquals(ErrorCode.INVALID_FIELD, e.code());
        assertEquals(field, e.field());
        assertTrue(e.getMessage(), e.getMessage().startsWith(field + ": "));
    }

    public record Sample(Instant at, Role role, AccountType type, Instant none) {
    }

    @Test
    public void writesInstantsAndEnumsInWireFormat() throws Exception {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        assertEquals("\"2026-11-25T10:00:00Z\"", json.writeValueAsString(t));
        assertEquals("\"2026-11-25T10:00:00.123Z\"", json.writeValueAsString(t.plusMillis(123)));
        assertEquals("\"reseller-admin\"", json.writeValueAsString(Role.RESELLER_ADMIN));
        assertEquals("\"platform-admin\"", json.writeValueAsString(Role.PLATFORM_ADMIN));
        assertEquals("\"reseller\"", json.writeValueAsString(AccountType.RESELLER));
        assertEquals("{\"at\":\"2026-11-25T10:00:00Z\",\"role\":\"viewer\",\"type\":\"customer\",\"none\":null}",
            json.writeValueAsString(new Sample(t, Role.VIEWER, AccountType.CUSTOMER, null)));
        assertEquals("[\"operator-admin\"]", json.writeValueAsString(List.of(Role.OPERATOR_ADMIN)));
    }

    @Test
    public void readsInstants() throws Exception {
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), json.readValue("\"2026-11-25T10:00:00Z\"", Instant.class));
        Exception e = assertThrows(Exception.class, () -> json.readValue("{\"at\":\"yesterday\"}", Sample.class));
        // the mapper turns the bad instant into a field error
        Response r = new ErrorMappers().toResponse(e);
        assertEquals(400, r.getStatus());
        assertEquals(new ErrorBody("INVALID_FIELD",
            "at: has the wrong type: must be an ISO-8601 instant such as 2026-11-25T10:00:00Z", "at"), r.getEntity());
    }

    @Test
    public void readsRecords() throws Exception {
        AccountDraft d = json.readValue(
            "{\"parentId\":3,\"type\":\"reseller\",\"name\":\"Acme\",\"contactEmail\":\"a@acme.test\"}", AccountDraft.class);
        assertEquals(new AccountDraft(3L, "reseller", "Acme", "a@acme.test"), d);
        assertEquals(new AccountDraft(null, "customer", "C", null),
            json.readValue("{\"type\":\"customer\",\"name\":\"C\"}", AccountDraft.class));
        // round trip
        assertEquals(d, json.readValue(json.writeValueAsString(d), AccountDraft.class));
    }

    @Test
    public void refusesUnknownPropertiesAndTrailingTokens() {
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class,
            () -> json.readValue("{\"name\":\"x\",\"nmae\":\"x\"}", AccountDraft.class));
        assertEquals("nmae", e.getPropertyName());
        assertThrows(Exception.class, () -> json.readValue("{\"name\":\"x\"}{}", AccountDraft.class));
    }

    @Test
    public void writesNullsAndEmptyObjects() throws Exception {
        assertEquals("{\"parentId\":null,\"type\":null,\"name\":\"n\",\"contactEmail\":null}",
            json.writeValueAsString(new AccountDraft(null, null, "n", null)));
        assertEquals("{}", json.writeValueAsString(new Object()));
        assertEquals("{\"k\":1}", json.writeValueAsString(Map.of("k", 1)));
    }

    @Test
    public void idParsing() {
        assertEquals(42L, Params.id("id", "42"));
        assertEquals(999_999_999_999_999_999L, Params.id("id", "999999999999999999"));
        assertInvalid("id", () -> Params.id("id", "abc"));
        assertInvalid("id", () -> Params.id("id", "-1"));
        assertInvalid("id", () -> Params.id("id", "1.5"));
        assertInvalid("id", () -> Params.id("id", null));
        assertInvalid("id", () -> Params.id("id", "9999999999999999999"));
        assertInvalid("accountId", () -> Params.id("accountId", " 1"));
        assertNull(Params.optionalId("parentId", null));
        assertNull(Params.optionalId("parentId", ""));
        assertEquals(Long.valueOf(7), Params.optionalId("parentId", "7"));
        assertInvalid("parentId", () -> Params.optionalId("parentId", "x"));
    }

    @Test
    public void pageParsing() {
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_LIMIT), Params.page(null, null));
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_LIMIT), Params.page("", ""));
        assertEquals(new PageRequest(20, 10), Params.page("20", "10"));
        assertInvalid("limit", () -> Params.page("0", "abc"));
        assertInvalid("offset", () -> Params.page("abc", "10"));
        assertInvalid("offset", () -> Params.page("-1", null));
        assertInvalid("limit", () -> Params.page(null, "0"));
        assertInvalid("limit", () -> Params.page(null, String.valueOf(PageRequest.MAX_LIMIT + 1)));
        assertInvalid("limit", () -> Params.page(null, "99999999999"));
    }

    @Test
    public void aCursorPagesAfterAnIdAndExcludesAnOffset() {
        assertEquals(PageRequest.after(12345678901L, 100), Params.page(null, "100", "12345678901"));
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_LIMIT), Params.page(null, null, ""));
        assertInvalid("after", () -> Params.page(null, null, "-1"));
        assertInvalid("after", () -> Params.page(null, null, "x"));
        assertInvalid("after", () -> Params.page(null, null, "99999999999999999999"));
        assertInvalid("after", () -> Params.page("0", null, "5"));
        MtmException both = assertThrows(MtmException.class, () -> Params.page("200", "10", "5"));
        assertTrue("names both fields: " + both.getMessage(), both.getMessage().contains("offset") && both.getMessage().contains("after"));
    }

    @Test
    public void instantParsing() {
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), Params.instant("from", "2026-11-25T10:00:00Z"));
        assertNull(Params.instant("from", null));
        assertNull(Params.instant("from", ""));
        assertInvalid("from", () -> Params.instant("from", "yesterday"));
        assertInvalid("to", () -> Params.instant("to", "2026-11-25"));
    }

    @Test
    public void booleanParametersAreExactlyTrueOrFalse() {
        assertTrue(Params.bool("repair", null, true));
        assertFalse(Params.bool("confirm", null, false));
        assertTrue(Params.bool("repair", "true", false));
        assertFalse(Params.bool("repair", "false", true));
        for (String bad : new String[] {"", "no", "False", "TRUE", "0", "1", "yes", " false"}) {
            assertInvalid("repair", () -> Params.bool("repair", bad, true));
        }
    }

    @Test
    public void bodyAndCaller() {
        assertEquals("x", Params.body("thing", "x"));
        MtmException e = assertThrows(MtmException.class, () -> Params.body("account", null));
        assertEquals(ErrorCode.MALFORMED_REQUEST, e.code());
        assertTrue(e.getMessage().contains("account"));

        MtmException none = assertThrows(MtmException.class, () -> Params.caller(request(null)));
        assertEquals(ErrorCode.UNAUTHENTICATED, none.code());
        Caller c = new Caller(1, "root", 1, "/1/", Role.PLATFORM_ADMIN, "127.0.0.1", Channel.REST);
        assertEquals(c, Params.caller(request(c)));
    }

    private static HttpServletRequest request(Caller caller) {
        return (HttpServletRequest) Proxy.newProxyInstance(JsonAndParamsTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> {
                if (m.getName().equals("getAttribute") && AuthFilter.CALLER.equals(args[0])) {
                    return caller;
                }
                throw new UnsupportedOperationException(m.getName());
            });
    }
}
