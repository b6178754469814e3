package org.mtmanager.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import javax.ws.rs.ForbiddenException;
import javax.ws.rs.InternalServerErrorException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.junit.Test;
import org.mtmanager.api.BadFileException;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.LineError;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.user.UserDraft;
import org.mtmanager.rest.resource.AccountResource;

public class ErrorMappersTest {
    private final ErrorMappers mappers = new ErrorMappers();

    private static ErrorBody body(Response r) {
        assertTrue("entity should be an ErrorBody: " + r.getEntity(), r.getEntity() instanceof ErrorBody);
        assertEquals(MediaType.APPLICATION_JSON_TYPE, r.getMediaType());
        return (ErrorBody) r.getEntity();
    }

    /** The exception Jackson throws for the given JSON read as the given type. */
    private static Exception readFailure(String json, Class<?> type) {
        try {
            Json.mapper().readValue(json, type);
        } catch (Exception e) {
            return e;
        }
        fail("reading " + json + " as " + type.getSimpleName() + " should have failed");
        return null;
    }

    private ErrorBody assertError(Throwable t, int status, ErrorCode code, String field) {
        Response r = mappers.toResponse(t);
        assertEquals(status, r.getStatus());
        ErrorBody b = body(r);
        assertEquals(code.name(), b.error());
        assertEquals(field, b.field());
        assertNotNull(b.message());
        assertFalse(b.message().isBlank());
        return b;
    }

    @Test
    public void everyErrorCodeMapsToItsStatusWithMessageAndField() {
        for (ErrorCode code : ErrorCode.values()) {
            Response r = mappers.toResponse(new MtmException(code, "someField", "message for " + code));
            assertEquals(code.name(), code.httpStatus(), r.getStatus());
            ErrorBody b = body(r);
            assertEquals(new ErrorBody(code.name(), "message for " + code, "someField"), b);
        }
    }

    @Test
    public void codeWithoutFieldHasNullField() {
        ErrorBody b = assertError(MtmException.notFound("account", 7), 404, ErrorCode.NOT_FOUND, null);
        assertEquals("account 7 not found", b.message());
    }

    @Test
    public void unauthenticatedCarriesBasicChallenge() {
        Response r = mappers.toResponse(new MtmException(ErrorCode.UNAUTHENTICATED, "who are you"));
        assertEquals(401, r.getStatus());
        Object challenge = r.getMetadata().getFirst("WWW-Authenticate");
        assertNotNull("401 must carry WWW-Authenticate", challenge);
        assertTrue(String.valueOf(challenge).startsWith("Basic realm="));
        Response other = mappers.toResponse(MtmException.forbidden("no"));
        assertNull(other.getMetadata().getFirst("WWW-Authenticate"));
    }

    @Test
    public void wrappedMtmExceptionIsFound() {
        MtmException inner = MtmException.conflict("name", "name already taken");
        assertError(new RuntimeException("wrapper", inner), 409, ErrorCode.CONFLICT, "name");
        ErrorBody deep = assertError(new IllegalStateException(new RuntimeException(MtmException.invalid("tier", "too low"))),
            400, ErrorCode.INVALID_FIELD, "tier");
        assertEquals("tier: too low", deep.message());
    }

    @Test
    public void unknownJsonPropertyIsInvalidFieldNamingIt() {
        Exception e = readFailure("{\"nmae\":\"x\"}", AccountDraft.class);
        assertTrue(e.toString(), e instanceof UnrecognizedPropertyException);
        ErrorBody b = assertError(e, 400, ErrorCode.INVALID_FIELD, "nmae");
        assertTrue(b.message(), b.message().contains("nmae"));
        assertTrue(b.message(), b.message().contains("not a known field"));
    }

    @Test
    public void typeMismatchIsInvalidFieldNamingIt() {
        Exception e = readFailure("{\"tier\":\"abc\"}", PlanDraft.class);
        ErrorBody b = assertError(e, 400, ErrorCode.INVALID_FIELD, "tier");
        assertEquals("tier: has the wrong type: must be a whole number", b.message());
        assertFalse("no Java internals in the message: " + b.message(), b.message().contains("java.lang"));
    }

    /** Each case: JSON, the type read, the field named (null: the body), and the message. */
    @Test
    public void ambiguousScalarsAreRefusedNamingTheFieldAndWhatItMustBe() {
        Object[][] cases = {
            {"{\"diskGb\":1.5}", PlanDraft.class, "diskGb", "diskGb: has the wrong type: must be a whole number"},
            {"{\"tier\":\"8\"}", PlanDraft.class, "tier", "tier: has the wrong type: must be a whole number"},
            {"{\"tier\":true}", PlanDraft.class, "tier", "tier: has the wrong type: must be a whole number"},
            {"{\"password\":12345678901234}", UserDraft.class, "password", "password: has the wrong type: must be a text (a JSON string)"},
            {"{\"name\":1.5}", AccountDraft.class, "name", "name: has the wrong type: must be a text (a JSON string)"},
            {"{\"name\":false}", AccountDraft.class, "name", "name: has the wrong type: must be a text (a JSON string)"},
            {"{\"name\":{}}", AccountDraft.class, "name", "name: has the wrong type: must be a text (a JSON string)"},
            {"{\"required\":9223372036854775808}", AccountResource.TwoFactorRequirement.class, "required",
                "required: has the wrong type: must be true or false"},
            {"{\"required\":1}", AccountResource.TwoFactorRequirement.class, "required", "required: has the wrong type: must be true or false"},
            {"{\"required\":\"true\"}", AccountResource.TwoFactorRequirement.class, "required",
                "required: has the wrong type: must be true or false"},
            {"{\"parentId\":1e3}", AccountDraft.class, "parentId", "parentId: has the wrong type: must be a whole number"},
            {"{\"parentId\":99999999999999999999999}", AccountDraft.class, "parentId", null},
        };
        for (Object[] c : cases) {
            Exception e = readFailure((String) c[0], (Class<?>) c[1]);
            ErrorBody b = assertError(e, 400, ErrorCode.INVALID_FIELD, (String) c[2]);
            if (c[3] != null) {
                assertEquals((String) c[0], c[3], b.message());
            }
            assertNoJavaType(b);
        }
    }

    @Test
    public void aBodyOfTheWrongShapeSaysWhatItMustBeWithoutAJavaType() {
        ErrorBody array = assertError(readFailure("[1,2]", AccountResource.TwoFactorRequirement.class), 400, ErrorCode.MALFORMED_REQUEST, null);
        assertEquals("the body must be an object (a JSON object)", array.message());
        ErrorBody two = assertError(readFailure("{\"name\":\"x\"}{\"name\":\"y\"}", AccountDraft.class), 400,
            ErrorCode.MALFORMED_REQUEST, null);
        assertEquals("malformed JSON: the body must hold one JSON value, and more follows it", two.message());
        ErrorBody list = assertError(readFailure("{}", WhitelistEntry[].class), 400, ErrorCode.MALFORMED_REQUEST, null);
        assertEquals("the body must be a list (a JSON array)", list.message());
        ErrorBody scalar = assertError(readFailure("\"text\"", AccountDraft.class), 400, ErrorCode.MALFORMED_REQUEST, null);
        assertEquals("the body must be an object (a JSON object)", scalar.message());
        for (String bad : new String[] {"{\"name\":", "{name: 1}", "{\"a\":[1,}", "nul"}) {
            assertNoJavaType(assertError(readFailure(bad, AccountDraft.class), 400, ErrorCode.MALFORMED_REQUEST, null));
        }
    }

    @Test
    public void anUnknownFieldNameIsNotEchoedUnbounded() {
        String name = "n".repeat(10_000);
        ErrorBody b = assertError(readFailure("{\"" + name + "\":1}", AccountDraft.class), 400, ErrorCode.INVALID_FIELD,
            "n".repeat(100) + "...");
        assertTrue(b.message(), b.message().length() < 300);
    }

    private static void assertNoJavaType(ErrorBody b) {
        for (String internal : new String[] {"org.", "java.", "Cannot deserialize", "bound as", "Source:", "$", "class "}) {
            assertFalse("no Java internals in: " + b.message(), b.message().contains(internal));
        }
    }

    @Test
    public void fieldPathInsideArraysIsNamed() {
        Exception e = readFailure("[{\"cidr\":\"10.0.0.0/8\"},{\"cidr\":\"x\",\"bogus\":1}]", WhitelistEntry[].class);
        assertError(e, 400, ErrorCode.INVALID_FIELD, "[1].bogus");
    }

    @Test
    public void jsonErrorWrappedInAnotherExceptionIsFound() {
        Exception e = readFailure("{\"nmae\":\"x\"}", AccountDraft.class);
        assertError(new RuntimeException(e), 400, ErrorCode.INVALID_FIELD, "nmae");
    }

    @Test
    public void malformedJsonIsMalformedRequestWithoutField() {
        for (String json : new String[] {"{\"name\":", "{name: 1}", "{\"name\":\"x\"} trailing", ""}) {
            Exception e = readFailure(json, AccountDraft.class);
            ErrorBody b = assertError(e, 400, ErrorCode.MALFORMED_REQUEST, null);
            assertTrue(b.message(), b.message().startsWith("malformed JSON"));
            assertFalse("one line only: " + b.message(), b.message().contains("\n"));
        }
    }

    @Test
    public void jaxRsRefusalsUseTheirStatus() {
        assertError(new NotFoundException(), 404, ErrorCode.NOT_FOUND, null);
        assertError(new NotAllowedException("GET", new String[] {"POST"}), 405, ErrorCode.METHOD_NOT_ALLOWED, null);
        assertError(new NotSupportedException(), 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, null);
        assertError(new NotAcceptableException(), 406, ErrorCode.NOT_ACCEPTABLE, null);
        assertError(new ForbiddenException(), 403, ErrorCode.FORBIDDEN, null);
    }

    @Test
    public void jaxRsServerErrorIsInternal() {
        ErrorBody b = assertError(new InternalServerErrorException("db down at host x"), 500, ErrorCode.INTERNAL, null);
        assertFalse(b.message(), b.message().contains("db down"));
    }

    @Test
    public void unexpectedFailureIsInternalWithoutDetail() {
        ErrorBody b = assertError(new IllegalStateException("secret SQL"), 500, ErrorCode.INTERNAL, null);
        assertFalse("internals leaked: " + b.message(), b.message().contains("secret SQL"));
        assertTrue(b.message(), b.message().contains("reference"));
        ErrorBody again = assertError(new NullPointerException("secret SQL"), 500, ErrorCode.INTERNAL, null);
        assertFalse(again.message().contains("secret SQL"));
        assertNotEquals("each failure gets its own reference", b.message(), again.message());
    }

    @Test(timeout = 2_000)
    public void cyclicCauseChainTerminates() {
        RuntimeException a = new RuntimeException("a secret");
        RuntimeException b = new RuntimeException("b secret");
        a.initCause(b);
        b.initCause(a);
        ErrorBody body = assertError(a, 500, ErrorCode.INTERNAL, null);
        assertFalse(body.message().contains("secret"));
    }

    @Test
    public void aBadFileListsEveryBadLine() {
        List<LineError> lines = List.of(
            new LineError(3, "number", "number: must be an E.164 number or prefix"),
            new LineError(5, null, "expected 3 columns, found 1"));
        Response r = mappers.toResponse(new RuntimeException(new BadFileException(lines)));
        assertEquals(400, r.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, r.getMediaType());
        ErrorBody.FileErrors b = (ErrorBody.FileErrors) r.getEntity();
        assertEquals("INVALID_FIELD", b.error());
        assertEquals("file", b.field());
        assertEquals(lines, b.errors());
        assertTrue(b.message(), b.message().startsWith("file: 2 bad line(s), nothing was applied: line 3: number: "));
    }
}
