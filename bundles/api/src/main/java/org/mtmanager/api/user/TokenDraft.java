package org.mtmanager.api.user;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.mtmanager.api.TokenScope;
import org.mtmanager.api.field.FieldSpec;

/** A token to create: its name, scope ("read", "billing", "full"), optional CIDR whitelist and expiry. */
public record TokenDraft(String name, String scope, List<String> cidrs, Instant expiresAt) {
    public static final FieldSpec NAME = FieldSpec.text("name", 100).mandatory().example("billing export");
    public static final FieldSpec SCOPE = FieldSpec.oneOf("scope",
        Arrays.stream(TokenScope.values()).map(TokenScope::wireName).toList()).mandatory();
}
