package org.mtmanager.api.account;

import org.mtmanager.api.field.FieldSpec;

/** A partial update of an account: null fields are left as they are. */
public record AccountChange(String name, String contactEmail) {
    public static final FieldSpec NAME = AccountDraft.NAME.optional();
    public static final FieldSpec CONTACT_EMAIL = AccountDraft.CONTACT_EMAIL;
}
