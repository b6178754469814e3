package org.mtmanager.rest.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.mtmanager.api.Page;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.api.field.FieldSpec;

/**
 * The schemas of the OpenAPI document, from the Java types themselves: a record is an object of its components,
 * whose rules are the {@link FieldSpec} constants the record declares, the very ones the core validates with.
 * A type it does not know is an error, not a free-form {@code object}, so a new kind of field cannot go
 * undocumented.
 */
final class OpenApiSchemas {
    /** The suffix of a request body's schema in which nothing is required: a partial update keeps absent fields. */
    static final String PARTIAL = "Partial";

    private final Map<String, Object> schemas = new TreeMap<>();

    OpenApiSchemas() {
        schemas.put("Error", object(Map.of("error", Map.of("type", "string"), "message", Map.of("type", "string"),
            "field", Map.of("type", "string", "nullable", true)), List.of("error", "message")));
    }

    Map<String, Object> all() {
        return schemas;
    }

    /** The schema of a value of type {@code t}. */
    Object of(Type t) {
        return of(t, false);
    }

    /** The schema of a request body of type {@code t}; {@code partial} for an update that keeps absent fields. */
    Object of(Type t, boolean partial) {
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            return Map.of("type", "array", "items", of(p.getActualTypeArguments()[0], partial));
        }
        if (t instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return Map.of("type", "object", "additionalProperties", of(p.getActualTypeArguments()[1]));
        }
        if (t instanceof ParameterizedType p && p.getRawType() == Page.class) {
            return page(of(p.getActualTypeArguments()[0]));
        }
        if (!(t instanceof Class<?> c)) {
            throw new IllegalArgumentException("no OpenAPI schema for the type " + t);
        }
        if (c.isArray()) {
            return Map.of("type", "array", "items", of(c.getComponentType(), partial));
        }
        Map<String, Object> scalar = scalar(c);
        if (scalar != null) {
            return scalar;
        }
        if (c.isRecord()) {
            return record(c, partial);
        }
        throw new IllegalArgumentException("no OpenAPI schema for the type " + c.getName());
    }

    /** A page of items, as {@link Page} travels. */
    static Map<String, Object> page(Object items) {
        return object(Map.of("items", Map.of("type", "array", "items", items), "offset", Map.of("type", "integer", "format", "int32"),
            "limit", Map.of("type", "integer", "format", "int32"), "total", Map.of("type", "integer", "format", "int64"),
            "next", Map.of("type", "integer", "format", "int64", "nullable", true)),
            List.of("items", "offset", "limit", "total"));
    }

    private static Map<String, Object> scalar(Class<?> c) {
        if (c == String.class) {
            return Map.of("type", "string");
        }
        if (c == int.class || c == Integer.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == double.class || c == Double.class) {
            return Map.of("type", "number", "format", "double");
        }
        if (c == BigDecimal.class) {
            // Jackson writes a BigDecimal as a JSON number, exactly as it is (no floating-point rounding).
            return Map.of("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
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
        return null;
    }

    private Map<String, Object> record(Class<?> c, boolean partial) {
        Map<String, FieldSpec> specs = specs(c);
        String name = c.getSimpleName() + (partial && specs.values().stream().anyMatch(FieldSpec::required) ? PARTIAL : "");
        if (!schemas.containsKey(name)) {
            schemas.put(name, Map.of()); // a placeholder while the components are described: records may nest
            Map<String, Object> props = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                FieldSpec spec = specs.get(rc.getName());
                @SuppressWarnings("unchecked")
                Map<String, Object> base = of(rc.getGenericType(), partial) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                props.put(rc.getName(), spec == null ? base : constrained(base, spec));
                // A primitive is always written and never null: a client may count on it.
                boolean always = rc.getType().isPrimitive() || spec != null && spec.required();
                if (always && !partial) {
                    required.add(rc.getName());
                }
            }
            schemas.put(name, object(props, required));
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    /** The rules a record declares, by the component they are about. */
    static Map<String, FieldSpec> specs(Class<?> record) {
        Map<String, FieldSpec> specs = new LinkedHashMap<>();
        for (Field f : record.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (f.getType() == FieldSpec.class && Modifier.isStatic(mod) && Modifier.isPublic(mod)) {
                try {
                    FieldSpec spec = (FieldSpec) f.get(null);
                    specs.put(spec.property(), spec);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read the rule " + record.getSimpleName() + "." + f.getName(), e);
                }
            }
        }
        return specs;
    }

    /** A property's schema with the rule's constraints; a reference gets them beside it, under allOf. */
    static Map<String, Object> constrained(Map<String, Object> base, FieldSpec spec) {
        Map<String, Object> rules = new LinkedHashMap<>();
        if (!spec.values().isEmpty()) {
            rules.put("enum", spec.values());
        }
        if (spec.maxLength() > 0) {
            if (spec.required()) {
                rules.put("minLength", 1);
            }
            rules.put("maxLength", spec.maxLength());
        }
        if (spec.pattern() != null) {
            rules.put("pattern", spec.pattern());
            rules.put("description", spec.rule());
        }
        if (spec.minimum() != null) {
            rules.put("minimum", spec.minimum());
        }
        if (spec.maximum() != null) {
            rules.put("maximum", spec.maximum());
        }
        if (spec.example() != null) {
            rules.put("example", example(base.get("type"), spec.example()));
        }
        if (rules.isEmpty()) {
            return base;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        if (base.containsKey("$ref")) {
            s.put("allOf", List.of(base));
        } else {
            s.putAll(base);
        }
        s.putAll(rules);
        return s;
    }

    /** An example as the JSON value of its type: clients send numbers as numbers. */
    private static Object example(Object type, String example) {
        if ("integer".equals(type)) {
            return Long.valueOf(example);
        }
        if ("boolean".equals(type)) {
            return Boolean.valueOf(example);
        }
        if ("object".equals(type)) {
            try {
                return Json.mapper().readValue(example, Map.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the example of an object must be JSON: " + example, e);
            }
        }
        return "number".equals(type) ? new BigDecimal(example) : example;
    }

    static Map<String, Object> object(Map<String, Object> props, List<String> required) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "object");
        o.put("properties", new TreeMap<>(props));
        if (!required.isEmpty()) {
            o.put("required", List.copyOf(required));
        }
        return o;
    }
}
