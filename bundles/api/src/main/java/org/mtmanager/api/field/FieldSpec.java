package org.mtmanager.api.field;

import java.util.List;
import java.util.Objects;

/**
 * The rule of one input field. A value record declares its fields' rules as {@code public static final FieldSpec}
 * constants named after its components; the core checks what clients send against them and the OpenAPI
 * document publishes them ({@code required}, {@code maxLength}, {@code pattern}, {@code enum}, {@code minimum},
 * {@code maximum}, {@code example}), so the two cannot disagree.
 *
 * @param name      the field as clients name it (a record component, or a dotted path such as customer.email)
 * @param required  whether the field must be present and not blank
 * @param maxLength the most characters of a text field after trimming; 0 when not free text
 * @param pattern   a regular expression the whole trimmed text matches (both Java and ECMA-262, also under
 *                  the {@code v} flag), or null
 * @param rule      the rule in the API's own words, reported when the pattern does not match
 * @param values    the values allowed, or empty for any
 * @param minimum   the least number allowed, or null
 * @param maximum   the greatest number allowed, or null
 * @param example   an example value as clients send it, or null
 */
public record FieldSpec(String name, boolean required, int maxLength, String pattern, String rule, List<String> values,
                        Long minimum, Long maximum, String example) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        if (pattern != null && rule == null) {
            throw new IllegalArgumentException(name + ": a pattern needs the rule that explains it");
        }
    }

    /** An optional text field of at most {@code maxLength} characters. */
    public static FieldSpec text(String name, int maxLength) {
        return new FieldSpec(name, false, maxLength, null, null, List.of(), null, null, null);
    }

    /** An optional text field that is one of {@code values}. */
    public static FieldSpec oneOf(String name, List<String> values) {
        return new FieldSpec(name, false, 0, null, null, values, null, null, values.isEmpty() ? null : values.get(0));
    }

    /** A field with no rule of its own but presence, such as a nested value or a password (the policy checks it). */
    public static FieldSpec value(String name) {
        return new FieldSpec(name, false, 0, null, null, List.of(), null, null, null);
    }

    /** An optional whole number of at least {@code minimum}; its maximum depends on other data, such as a plan. */
    public static FieldSpec atLeast(String name, long minimum) {
        return new FieldSpec(name, false, 0, null, null, List.of(), minimum, null, null);
    }

    /** An optional whole number between {@code minimum} and {@code maximum}. */
    public static FieldSpec integer(String name, long minimum, long maximum) {
        return new FieldSpec(name, false, 0, null, null, List.of(), minimum, maximum, null);
    }

    public FieldSpec mandatory() {
        return new FieldSpec(name, true, maxLength, pattern, rule, values, minimum, maximum, example);
    }

    /** The same rule for a field that may be absent, as in a partial update where absent means "keep". */
    public FieldSpec optional() {
        return new FieldSpec(name, false, maxLength, pattern, rule, values, minimum, maximum, example);
    }

    public FieldSpec matching(String regex, String explanation) {
        return new FieldSpec(name, required, maxLength, regex, explanation, values, minimum, maximum, example);
    }

    public FieldSpec example(String value) {
        return new FieldSpec(name, required, maxLength, pattern, rule, values, minimum, maximum, value);
    }

    /** The same rule under another name, such as a shared e-mail rule for the field {@code email}. */
    public FieldSpec named(String other) {
        return new FieldSpec(other, required, maxLength, pattern, rule, values, minimum, maximum, example);
    }

    /** The same rule for the field as a member of {@code parent}, as errors name it: {@code customer.email}. */
    public FieldSpec in(String parent) {
        return named(parent + "." + name);
    }

    /** The component of the value this rule is about: the last part of {@link #name()}. */
    public String property() {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
