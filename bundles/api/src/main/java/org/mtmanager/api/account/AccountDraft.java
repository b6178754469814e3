package org.mtmanager.api.account;

import java.util.Arrays;

import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.field.Formats;

/**
 * What a client sends to create an account. Enumerations travel as strings so that every facade gets the same
 * validation message from the core.
 *
 * @param parentId the parent account; null means the caller's own account
 * @param type     one of {@link AccountType#wireNames()}
 */
public record AccountDraft(Long parentId, String type, String name, String contactEmail) {
    public static final FieldSpec TYPE = FieldSpec.oneOf("type",
        Arrays.stream(AccountType.values()).map(AccountType::wireName).toList()).mandatory().example("reseller");
    public static final FieldSpec NAME = FieldSpec.text("name", 100).mandatory().example("Acme Telecom");
    public static final FieldSpec CONTACT_EMAIL = Formats.EMAIL.named("contactEmail");
}
