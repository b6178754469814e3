package org.mtmanager.rest.support;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;

import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountType;

/**
 * Builds the OpenAPI 3 document from the resource classes themselves (JAX-RS annotations, {@link Doc}, and the
 * record components of bodies), so the document cannot drift from the code it describes.
 */
public final class OpenApi {

    private OpenApi() {
    }

    public static Map<String, Object> document(String title, String version, String serverUrl, List<Class<?>> resources) {
        Map<String, Object> paths = new java.util.TreeMap<>();
        Map<String, Object> schemas = new java.util.TreeMap<>();
        schemas.put("Error", object(Map.of("error", Map.of("type", "string"), "message", Map.of("type", "string"),
            "field", Map.of("type", "string", "nullable", true))));
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
                item.put(verb, operation(m, schemas));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", title, "version", version));
        doc.put("servers", List.of(Map.of("url", serverUrl)));
        doc.put("security", List.of(Map.of("basic", List.of())));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas,
            "securitySchemes", Map.of("basic", Map.of("type", "http", "scheme", "basic"))));
        return doc;
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

    private static Map<String, Object> operation(Method m, Map<String, Object> schemas) {
        Doc doc = m.getAnnotation(Doc.class);
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", m.getDeclaringClass().getSimpleName().replace("Resource", "").toLowerCase() + "_" + m.getName());
        op.put("summary", doc == null ? m.getName() : doc.value());
        List<Object> params = new java.util.ArrayList<>();
        for (Parameter p : m.getParameters()) {
            PathParam pp = p.getAnnotation(PathParam.class);
            QueryParam qp = p.getAnnotation(QueryParam.class);
            if (pp != null) {
                params.add(Map.of("name", pp.value(), "in", "path", "required", true, "schema", Map.of("type", "string")));
            } else if (qp != null) {
                params.add(Map.of("name", qp.value(), "in", "query", "required", false, "schema", Map.of("type", "string")));
            }
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (doc != null && doc.body() != Void.class) {
            op.put("requestBody", Map.of("required", true, "content",
                Map.of(doc.body() == String.class ? "text/csv" : "application/json", Map.of("schema", schema(doc.body(), schemas)))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        int status = doc == null ? 200 : doc.status();
        if (status == 204 || doc == null || doc.returns() == Void.class) {
            responses.put(String.valueOf(status), Map.of("description", "done"));
        } else {
            Object s = schema(doc.returns(), schemas);
            if (doc.list()) {
                s = Map.of("type", "array", "items", s);
            } else if (doc.page()) {
                s = object(Map.of("items", Map.of("type", "array", "items", s), "offset", Map.of("type", "integer"),
                    "limit", Map.of("type", "integer"), "total", Map.of("type", "integer", "format", "int64")));
            }
            String media = doc.returns() == String.class ? "text/csv" : "application/json";
            responses.put(String.valueOf(status), Map.of("description", "success", "content", Map.of(media, Map.of("schema", s))));
        }
        responses.put("default", Map.of("description", "an error", "content",
            Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))));
        op.put("responses", responses);
        return op;
    }

    private static Object schema(Type t, Map<String, Object> schemas) {
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            return Map.of("type", "array", "items", schema(p.getActualTypeArguments()[0], schemas));
        }
        if (t instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return Map.of("type", "object", "additionalProperties", schema(p.getActualTypeArguments()[1], schemas));
        }
        if (t instanceof ParameterizedType p) {
            return schema(p.getRawType(), schemas);
        }
        Class<?> c = (Class<?>) t;
        if (c.isArray()) {
            return Map.of("type", "array", "items", schema(c.getComponentType(), schemas));
        }
        if (c == String.class) {
            return Map.of("type", "string");
        }
        if (c == int.class || c == Integer.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == Role.class) {
            return Map.of("type", "string", "enum", Arrays.stream(Role.values()).map(Role::wireName).toList());
        }
        if (c == AccountType.class) {
            return Map.of("type", "string", "enum", Arrays.stream(AccountType.values()).map(AccountType::wireName).toList());
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(String::valueOf).toList());
        }
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of());
                Map<String, Object> props = new LinkedHashMap<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    props.put(rc.getName(), schema(rc.getGenericType(), schemas));
                }
                schemas.put(name, object(props));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "object");
    }

    private static Map<String, Object> object(Map<String, Object> props) {
        return Map.of("type", "object", "properties", new java.util.TreeMap<>(props));
    }
}
