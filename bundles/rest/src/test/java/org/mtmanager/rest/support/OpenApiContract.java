package org.mtmanager.rest.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

import org.junit.Test;
import org.mtmanager.api.Page;
import org.mtmanager.api.field.FieldSpec;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What the OpenAPI document must say of any bundle's resources, whichever bundle registers them: each domain's
 * facade runs this contract over its own resources (in this bundle's test-jar), so a resource moved to another
 * bundle stays covered. The rules are checked against the Java declarations they come from: the methods, their
 * types, and the rules that the values declare and the services validate with.
 */
public abstract class OpenApiContract {
    private Map<String, Object> doc;

    /** The resource classes under test: those of one bundle. */
    protected abstract List<Class<?>> resources();

    /** The document the REST server builds for those resources. */
    protected final Map<String, Object> doc() {
        if (doc == null) {
            doc = OpenApi.document("MT Manager API", "1.0.0", "/mtm/api/v1", resources());
        }
        return doc;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        assertTrue("expected a JSON object but got " + o, o instanceof Map);
        return (Map<String, Object>) o;
    }

    public static Map<String, Object> at(Map<String, Object> root, String... keys) {
        Map<String, Object> m = root;
        for (String k : keys) {
            assertTrue("missing key " + k + " in " + m.keySet(), m.containsKey(k));
            m = map(m.get(k));
        }
        return m;
    }

    protected final Map<String, Object> property(String schema, String property) {
        return at(doc(), "components", "schemas", schema, "properties", property);
    }

    protected final List<?> required(String schema) {
        Object r = at(doc(), "components", "schemas", schema).get("required");
        return r == null ? List.of() : (List<?>) r;
    }

    /** Each example of the schemas' properties is a valid value: it matches the pattern and fits the length. */
    public static void examplesAreValid(Map<String, Object> doc, String... schemas) {
        int examples = 0;
        for (String schema : schemas) {
            for (Map.Entry<String, Object> e : at(doc, "components", "schemas", schema, "properties").entrySet()) {
                Map<String, Object> p = map(e.getValue());
                if (p.get("example") instanceof String ex) {
                    examples++;
                    if (p.get("pattern") instanceof String pattern) {
                        assertTrue(schema + "." + e.getKey() + ": " + ex, Pattern.compile(pattern).matcher(ex).matches());
                    }
                    if (p.get("maxLength") instanceof Integer max) {
                        assertTrue(schema + "." + e.getKey() + ": " + ex, ex.length() <= max);
                    }
                }
            }
        }
        assertTrue("no examples in " + Arrays.toString(schemas), examples > 0);
    }

    /** Every JAX-RS resource method of the classes, as "verb path". */
    private List<String> operations() {
        List<String> ops = new ArrayList<>();
        for (Class<?> r : resources()) {
            Path base = r.getAnnotation(Path.class);
            assertNotNull(r.getSimpleName() + " has no @Path", base);
            for (Method m : r.getDeclaredMethods()) {
                String verb = OpenApi.verb(m);
                if (verb != null) {
                    ops.add(verb + " " + path(r, m));
                }
            }
        }
        return ops;
    }

    private static String path(Class<?> r, Method m) {
        Path sub = m.getAnnotation(Path.class);
        return OpenApi.join(r.getAnnotation(Path.class).value(), sub == null ? "" : sub.value());
    }

    @Test
    public void anOpenApiParserAcceptsTheDocument() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Json.mapper().writeValueAsString(doc()), null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        assertTrue("the parser's complaints: " + messages, messages.isEmpty());
        assertNotNull(result.getOpenAPI());
        assertFalse(result.getOpenAPI().getPaths().isEmpty());
    }

    @Test
    public void documentListsEveryResourceMethod() {
        Map<String, Object> paths = map(doc().get("paths"));
        List<String> ops = operations();
        assertFalse("no operations in " + resources(), ops.isEmpty());
        List<String> missing = new ArrayList<>();
        for (String op : ops) {
            String verb = op.substring(0, op.indexOf(' '));
            Object item = paths.get(op.substring(op.indexOf(' ') + 1));
            if (!(item instanceof Map<?, ?> m) || !m.containsKey(verb)) {
                missing.add(op);
            }
        }
        assertTrue("operations missing from the OpenAPI document: " + missing, missing.isEmpty());
        // and no operation is listed twice for one path (two Java methods with the same verb and path)
        assertEquals("duplicate verb+path among resource methods: " + ops, ops.size(), ops.stream().distinct().count());
        int documented = paths.values().stream().mapToInt(v -> map(v).size()).sum();
        assertEquals("the document lists exactly the resource methods", ops.size(), documented);
    }

    @Test
    public void everyResourceMethodHasDoc() {
        List<String> undocumented = new ArrayList<>();
        for (Class<?> r : resources()) {
            for (Method m : r.getDeclaredMethods()) {
                Doc d = m.getAnnotation(Doc.class);
                if (OpenApi.verb(m) != null && (d == null || d.value().isBlank())) {
                    undocumented.add(r.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertTrue("resource methods without @Doc: " + undocumented, undocumented.isEmpty());
    }

    @Test
    public void everySchemaReferenceResolves() {
        Map<String, Object> schemas = at(doc(), "components", "schemas");
        List<String> dangling = new ArrayList<>();
        collectRefs(doc(), schemas, dangling);
        assertTrue("unresolved $ref: " + dangling, dangling.isEmpty());
        schemas.forEach((name, s) -> assertEquals(name + " is an object schema", "object", map(s).get("type")));
    }

    private static void collectRefs(Object node, Map<String, Object> schemas, List<String> dangling) {
        if (node instanceof Map<?, ?> m) {
            Object ref = m.get("$ref");
            if (ref instanceof String s && !schemas.containsKey(s.replace("#/components/schemas/", ""))) {
                dangling.add(s);
            }
            m.values().forEach(v -> collectRefs(v, schemas, dangling));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, schemas, dangling));
        }
    }

    @Test
    public void noObjectIsFreeForm() {
        List<String> freeForm = new ArrayList<>();
        collectFreeForm(doc(), "", freeForm);
        assertTrue("free-form objects in the document: " + freeForm, freeForm.isEmpty());
    }

    private static void collectFreeForm(Object node, String where, List<String> found) {
        if (node instanceof Map<?, ?> m) {
            if ("object".equals(m.get("type")) && !m.containsKey("properties") && !m.containsKey("additionalProperties")) {
                found.add(where);
            }
            m.forEach((k, v) -> collectFreeForm(v, where + "/" + k, found));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectFreeForm(v, where + "[]", found));
        }
    }

    /**
     * Every operation lists the errors it may answer, each with the error body: a generated client knows a 404 from
     * a 400 without reading the message.
     */
    @Test
    public void everyOperationListsTheErrorsItMayAnswer() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Object> path : map(doc().get("paths")).entrySet()) {
            for (Map.Entry<String, Object> op : map(path.getValue()).entrySet()) {
                Map<String, Object> o = map(op.getValue());
                Set<String> codes = map(o.get("responses")).keySet();
                Set<String> expected = new LinkedHashSet<>();
                boolean open = o.get("security") instanceof List<?> l && l.isEmpty();
                if (!open) {
                    expected.addAll(List.of("401", "403", "429"));
                }
                if (path.getKey().contains("{")) {
                    expected.addAll(List.of("400", "404"));
                }
                if (o.containsKey("requestBody")) {
                    expected.add("400");
                }
                if (!"get".equals(op.getKey())) {
                    expected.add("409");
                }
                expected.add("default");
                if (!codes.containsAll(expected)) {
                    missing.add(op.getKey() + " " + path.getKey() + " lists " + codes + ", not all of " + expected);
                }
                for (String code : codes) {
                    if (code.startsWith("4") && !at(o, "responses", code, "content", "application/json", "schema").containsKey("$ref")) {
                        missing.add(op.getKey() + " " + path.getKey() + " " + code + " has no error body");
                    }
                }
            }
        }
        assertTrue(String.join("\n", missing), missing.isEmpty());
    }

    /** Every method answers what its Java type says: a List is an array, a Page the page object. */
    @Test
    public void everyResponseIsDocumentedAsItsJavaType() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> r : resources()) {
            for (Method m : r.getDeclaredMethods()) {
                String verb = OpenApi.verb(m);
                Doc d = m.getAnnotation(Doc.class);
                if (verb == null || m.getReturnType() == Response.class || d.status() == 204) {
                    continue;
                }
                Map<String, Object> s = at(doc(), "paths", path(r, m), verb, "responses", String.valueOf(d.status()), "content",
                    "application/json", "schema");
                Type t = m.getGenericReturnType();
                boolean list = t instanceof ParameterizedType p && Collection.class.isAssignableFrom((Class<?>) p.getRawType());
                boolean page = t instanceof ParameterizedType p && p.getRawType() == Page.class;
                boolean documentedPage = s.get("properties") instanceof Map<?, ?> props && props.containsKey("items")
                    && props.containsKey("total");
                if (list != "array".equals(s.get("type")) || page != documentedPage) {
                    wrong.add(verb + " " + path(r, m) + " returns " + t.getTypeName() + " but is documented as " + s);
                }
                // what @Doc says of such a method must not contradict its type
                if (d.returns() != Void.class && (d.list() != list || d.page() != page || d.returns() != itemType(t))) {
                    wrong.add(r.getSimpleName() + "." + m.getName() + ": @Doc says " + d.returns().getSimpleName()
                        + (d.list() ? " list" : "") + (d.page() ? " page" : "") + " but it returns " + t.getTypeName());
                }
            }
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }

    private static Type itemType(Type t) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : t;
    }

    /**
     * Every rule a value declares, which the services validate with, is in the document: the rules cannot drift
     * apart, and none names a field its value does not have.
     */
    @Test
    public void everyDeclaredRuleIsInTheDocument() {
        List<String> drift = new ArrayList<>();
        for (Class<?> c : records()) {
            Set<String> components = new LinkedHashSet<>();
            Set<String> primitives = new LinkedHashSet<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                components.add(rc.getName());
                if (rc.getType().isPrimitive()) {
                    primitives.add(rc.getName());
                }
            }
            for (FieldSpec spec : OpenApiSchemas.specs(c).values()) {
                String where = c.getSimpleName() + "." + spec.property();
                if (!components.contains(spec.property())) {
                    drift.add(where + ": a rule for a field the value does not have");
                    continue;
                }
                Map<String, Object> p = property(c.getSimpleName(), spec.property());
                check(drift, where, "maxLength", spec.maxLength() > 0 ? spec.maxLength() : null, p.get("maxLength"));
                check(drift, where, "pattern", spec.pattern(), p.get("pattern"));
                check(drift, where, "enum", spec.values().isEmpty() ? null : spec.values(), p.get("enum"));
                check(drift, where, "minimum", spec.minimum(), p.get("minimum"));
                check(drift, where, "maximum", spec.maximum(), p.get("maximum"));
                check(drift, where, "required", spec.required() || primitives.contains(spec.property()),
                    required(c.getSimpleName()).contains(spec.property()));
            }
        }
        assertTrue(String.join("\n", drift), drift.isEmpty());
    }

    /** How many field rules the resources' values declare, for a test that expects them. */
    protected final int declaredRules() {
        return records().stream().mapToInt(c -> OpenApiSchemas.specs(c).size()).sum();
    }

    /** The values the resources take and answer, and those they hold. */
    private Set<Class<?>> records() {
        Set<Class<?>> records = new LinkedHashSet<>();
        for (Class<?> r : resources()) {
            for (Method m : r.getDeclaredMethods()) {
                Doc d = m.getAnnotation(Doc.class);
                if (d != null) {
                    collectRecords(d.body(), records);
                    collectRecords(OpenApi.responseType(m), records);
                }
            }
        }
        return records;
    }

    private static void check(List<String> drift, String where, String what, Object declared, Object documented) {
        if (!Objects.equals(declared, documented)) {
            drift.add(where + ": " + what + " is " + declared + " in the rule but " + documented + " in the document");
        }
    }

    private static void collectRecords(Type t, Set<Class<?>> found) {
        if (t instanceof ParameterizedType p) {
            collectRecords(p.getRawType(), found);
            Arrays.stream(p.getActualTypeArguments()).forEach(a -> collectRecords(a, found));
        } else if (t instanceof Class<?> c && c.isArray()) {
            collectRecords(c.getComponentType(), found);
        } else if (t instanceof Class<?> c && c.isRecord() && c != Page.class && found.add(c)) {
            for (RecordComponent rc : c.getRecordComponents()) {
                collectRecords(rc.getGenericType(), found);
            }
        }
    }
}
