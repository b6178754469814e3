package org.mtmanager.api.account;

/**
 * Filters for listing accounts; every field is optional.
 *
 * @param parentId only the direct children of this account
 * @param type     only accounts of this type (wire name)
 * @param search   only accounts whose name contains this text, ignoring case
 */
public record AccountQuery(Long parentId, String type, String search) {
    public static final AccountQuery ALL = new AccountQuery(null, null, null);
}
