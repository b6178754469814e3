package org.mtmanager.api.account;

/** A partial update of an account: null fields are left as they are. */
public record AccountChange(String name, String contactEmail) {
}
