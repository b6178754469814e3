package org.mtmanager.api.field;


/**
 * Text formats that several values share. Their patterns avoid what the ECMA-262 {@code v} flag refuses in a
 * character class (an unescaped {@code -}), so a browser form can use them as they are.
 */
public final class Formats {
    /** An e-mail address, at most 254 characters. */
    public static final FieldSpec EMAIL = FieldSpec.text("email", 254)
        .matching("^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,62}[A-Za-z0-9])?)+$",
            "must be an e-mail address such as ops@example.com")
        .example("ops@example.com");

    /** A login name. */
    public static final FieldSpec USERNAME = FieldSpec.text("username", 64)
        .matching("^[A-Za-z0-9][A-Za-z0-9._@\\-]{1,63}$",
            "must be 2 to 64 characters: letters, digits and . _ @ -, starting with a letter or digit")
        .example("alice");

    /** A lower-case identifier such as an app key. */
    public static final FieldSpec KEY = FieldSpec.text("key", 40)
        .matching("^[a-z][a-z0-9\\-]{1,39}$", "must be 2 to 40 lower-case letters, digits or dashes, starting with a letter")
        .example("call-recording");

    /** What makes a retried request the same request: it gets the same job. */
    public static final FieldSpec IDEMPOTENCY_KEY = FieldSpec.text("idempotencyKey", 100)
        .matching("^[A-Za-z0-9._:\\-]+$", "must be 1 to 100 letters, digits or . _ : -")
        .example("order-4711");

    private Formats() {
    }
}
