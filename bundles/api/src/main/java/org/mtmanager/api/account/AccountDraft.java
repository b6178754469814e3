package org.mtmanager.api.account;

/**
 * What a client sends to create an account. Enumerations travel as strings so that every facade gets the same
 * validation message from the core.
 *
 * @param parentId the parent account; null means the caller's own account
 * @param type     one of {@link AccountType#wireNames()}
 */
public record AccountDraft(Long parentId, String type, String name, String contactEmail) {
}
