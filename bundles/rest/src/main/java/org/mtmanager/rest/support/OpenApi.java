package org.mtmanager.rest.support;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;

import org.mtmanager.api.PageRequest;
import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.field.Formats;

/**
 * Builds the OpenAPI 3 document from the resource classes themselves (JAX-RS annotations, {@link Doc}, the Java
 * return types and the record components of bodies with the rules they declare), so the document cannot drift
 * from the code it describes.
 */
public final class OpenApi {
    /** The security schemes, as {@link AuthFilter} accepts credentials. */
    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String SESSION = "session";
    static final String CSRF = "csrf";

    /** The rules of query parameters that several lists share: those of paging. */
    private static final Map<String, FieldSpec> QUERY_RULES = OpenApiSchemas.specs(PageRequest.class);
    /** The rules of request headers: the idempotency key, which a body may carry as well. */
    private static final Map<String, FieldSpec> HEADER_RULES = Map.of("Idempotency-Key", Formats.IDEMPOTENCY_KEY);

    private OpenApi() {
    }

    public static Map<String, Object> document(String title, String version, String serverUrl, List<Class<?>> resources) {
        Map<String, Object> paths = new TreeMap<>();
        OpenApiSchemas schemas = new OpenApiSchemas();
        for (Class<?> r : resources) {
            String base = r.getAnnotation(Path.class).value();
            Method[] methods = r.getDeclaredMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = join(base, sub == null ? "" : sub.value());
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path, k -> new LinkedHashMap<>());
                item.put(verb, operation(m, path, schemas));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", title, "version", version));
        doc.put("servers", List.of(Map.of("url", serverUrl)));
        doc.put("security", security(false));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas.all(), "securitySchemes", securitySchemes()));
        return doc;
    }

    /** Every way {@link AuthFilter} takes credentials. */
    private static Map<String, Object> securitySchemes() {
        return Map.of(
            BASIC, Map.of("type", "http", "scheme", "basic", "description", "a user's name and password; "
                + AuthFilter.OTP_HEADER + " carries the code when two-factor authentication is on"),
            BEARER, Map.of("type", "http", "scheme", "bearer", "description", "an API token from POST /users/me/tokens"),
            SESSION, Map.of("type", "apiKey", "in", "cookie", "name", AuthFilter.SESSION_COOKIE,
                "description", "the session from POST /sessions"),
            CSRF, Map.of("type", "apiKey", "in", "header", "name", AuthFilter.CSRF_HEADER,
                "description", "a session's CSRF token (from POST /sessions or GET /sessions/current), on every change"));
    }

    /** The alternatives of an operation: a session's changes carry its CSRF token as well. */
    private static List<Object> security(boolean safe) {
        return List.of(Map.of(BASIC, List.of()), Map.of(BEARER, List.of()),
            safe ? Map.of(SESSION, List.of()) : Map.of(SESSION, List.of(), CSRF, List.of()));
    }

    public static String verb(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "get";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "post";
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return "put";
        }
        if (m.isAnnotationPresent(PATCH.class)) {
            return "patch";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "delete";
        }
        return null;
    }

    public static String join(String base, String sub) {
        String p = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Map<String, Object> operation(Method m, String path, OpenApiSchemas schemas) {
        Doc doc = m.getAnnotation(Doc.class);
        String verb = verb(m);
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", m.getDeclaringClass().getSimpleName().replace("Resource", "").toLowerCase() + "_" + m.getName());
        op.put("summary", doc == null ? m.getName() : doc.value());
        List<Object> params = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            PathParam pp = p.getAnnotation(PathParam.class);
            QueryParam qp = p.getAnnotation(QueryParam.class);
            HeaderParam hp = p.getAnnotation(HeaderParam.class);
            if (pp != null) {
                params.add(Map.of("name", pp.value(), "in", "path", "required", true, "schema", Map.of("type", "string")));
            } else if (qp != null) {
                FieldSpec rule = QUERY_RULES.get(qp.value());
                boolean required = doc != null && Arrays.asList(doc.required()).contains(qp.value());
                params.add(Map.of("name", qp.value(), "in", "query", "required", required, "schema", rule == null
                    ? Map.of("type", "string") : OpenApiSchemas.constrained(Map.of("type", "integer", "format",
                    rule.maximum() > Integer.MAX_VALUE ? "int64" : "int32"), rule)));
            } else if (hp != null) {
                FieldSpec rule = HEADER_RULES.get(hp.value());
                params.add(Map.of("name", hp.value(), "in", "header", "required", false, "schema", rule == null
                    ? Map.of("type", "string") : OpenApiSchemas.constrained(Map.of("type", "string"), rule)));
            }
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (!AuthFilter.needsCredentials(path, verb.toUpperCase())) {
            op.put("security", List.of());
        } else if (!"get".equals(verb)) {
            op.put("security", security(false));
        } else {
            op.put("security", security(true));
        }
        if (doc != null && doc.body() != Void.class) {
            op.put("requestBody", Map.of("required", true, "content",
                Map.of(doc.body() == String.class ? "text/csv" : "application/json",
                    Map.of("schema", schemas.of(doc.body(), doc.partial())))));
        }
        op.put("responses", responses(m, doc, schemas, errors(path, verb, !params.isEmpty() || op.containsKey("requestBody"))));
        return op;
    }

    /**
     * The errors an operation may answer, each with the API's error body ({@code code}, {@code message}, and the
     * {@code field} a refusal is about): what it takes can break a rule (400); what needs credentials can lack them
     * (401), be refused them (403) and be rate limited (429), as the login is too; what names a thing by its path may
     * find none in the caller's scope (404); and a change may conflict with the state it meets (409).
     */
    private static Map<Integer, String> errors(String path, String verb, boolean takesInput) {
        boolean login = !AuthFilter.needsCredentials(path, verb.toUpperCase()) && !"get".equals(verb);
        boolean credentials = AuthFilter.needsCredentials(path, verb.toUpperCase());
        Map<Integer, String> errors = new TreeMap<>();
        if (takesInput) {
            errors.put(400, "the request breaks a rule: field names what, message says which rule");
        }
        if (credentials || login) {
            errors.put(401, credentials ? "no valid credentials (or a dangerous action without the password again)"
                : "the credentials are wrong");
            errors.put(429, "too many requests, or too many failed logins: Retry-After says when to try again");
        }
        if (credentials) {
            errors.put(403, "the caller's role, account or token scope does not allow this");
        }
        if (path.contains("{")) {
            errors.put(404, "nothing of that name or id in the caller's scope");
        }
        if (!"get".equals(verb)) {
            errors.put(409, "the state of what it changes does not allow it now");
        }
        return errors;
    }

    private static Map<String, Object> responses(Method m, Doc doc, OpenApiSchemas schemas, Map<Integer, String> errors) {
        Map<String, Object> responses = new LinkedHashMap<>();
        int status = doc == null ? 200 : doc.status();
        Type body = responseType(m);
        if (status == 204 || body == null) {
            responses.put(String.valueOf(status), Map.of("description", "done"));
        } else {
            String media = body == String.class ? textMedia(m) : "application/json";
            Object s = schemas.of(body);
            if (m.getReturnType() == Response.class && doc.list()) {
                s = Map.of("type", "array", "items", s);
            } else if (m.getReturnType() == Response.class && doc.page()) {
                s = OpenApiSchemas.page(s);
            }
            responses.put(String.valueOf(status), Map.of("description", "success", "content", Map.of(media, Map.of("schema", s))));
        }
        Map<String, Object> error = Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error")));
        errors.forEach((code, why) -> responses.put(String.valueOf(code), Map.of("description", why, "content", error)));
        responses.put("default", Map.of("description", "an error", "content", error));
        return responses;
    }

    /** The text a method answers with: what it says it produces, else CSV (the API's only other text). */
    private static String textMedia(Method m) {
        Produces p = m.getAnnotation(Produces.class);
        return p == null || p.value().length == 0 || p.value()[0].startsWith("application/json") ? "text/csv" : p.value()[0];
    }

    /**
     * What the method answers with: its own (generic) return type, so a method that returns a list is documented
     * as an array; only a method that builds its {@link Response} itself says the type in {@link Doc#returns()}.
     * Null when nothing is answered.
     */
    static Type responseType(Method m) {
        if (m.getReturnType() == void.class) {
            return null;
        }
        if (m.getReturnType() != Response.class) {
            return m.getGenericReturnType();
        }
        Doc doc = m.getAnnotation(Doc.class);
        return doc == null || doc.returns() == Void.class ? null : doc.returns();
    }
}
