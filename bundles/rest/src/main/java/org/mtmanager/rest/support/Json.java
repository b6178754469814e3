package org.mtmanager.rest.support;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountType;

/**
 * The one JSON mapping of the API: camelCase records, ISO-8601 instants, roles and account types by their wire
 * names, and unknown properties refused (a typo in a field name is an error, not a silent no-op).
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule("mtm");
        m.addSerializer(Instant.class, new JsonSerializer<Instant>() {
            @Override
            public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(v.toString());
            }
        });
        m.addDeserializer(Instant.class, new JsonDeserializer<Instant>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                try {
                    return Instant.parse(p.getValueAsString());
                } catch (DateTimeParseException | NullPointerException e) {
                    return (Instant) c.handleWeirdStringValue(Instant.class, p.getValueAsString(),
                        "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
                }
            }
        });
        m.addSerializer(Role.class, new JsonSerializer<Role>() {
            @Override
            public void serialize(Role v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(v.wireName());
            }
        });
        m.addSerializer(AccountType.class, new JsonSerializer<AccountType>() {
            @Override
            public void serialize(AccountType v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(v.wireName());
            }
        });
        ObjectMapper mapper = new ObjectMapper()
            .registerModule(m)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strictScalars(mapper);
        return mapper;
    }

    /**
     * Each JSON scalar is read only as its own kind: a number is no text (a password of 12345), a float no whole
     * number (diskGb 1.5), a number no boolean (9223372036854775808 is not "true"). Jackson's lenient defaults
     * would store a guess; the client gets a 400 naming the field instead. A whole number is a fine decimal.
     */
    private static void strictScalars(ObjectMapper mapper) {
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
            CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String,
            CoercionInputShape.EmptyString);
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
