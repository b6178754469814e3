package org.mtmanager.api.account;

import java.time.Instant;

/**
 * An account as a caller sees it.
 *
 * @param parentId          0 for the platform root
 * @param twoFactorRequired every user of this account's subtree must use two-factor authentication (a user who has
 *                          not enrolled may do nothing but enrol); an ancestor's requirement applies too
 */
public record Account(long id, long parentId, AccountType type, String name, String contactEmail,
                      AccountStatus status, Instant createdAt, Instant updatedAt, boolean twoFactorRequired) {
}
