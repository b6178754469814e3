package org.mtmanager.api.account;

import java.time.Instant;

/**
 * An account as a caller sees it.
 *
 * @param parentId 0 for the platform root
 */
public record Account(long id, long parentId, AccountType type, String name, String contactEmail,
                      AccountStatus status, Instant createdAt, Instant updatedAt) {
}
