package org.mtmanager.api.user;

import java.time.Instant;

import org.mtmanager.api.Role;

/**
 * A user as a caller sees it; the password hash never leaves the core.
 *
 * @param lockedUntil set while the user is locked out after repeated failures, else null
 */
public record User(long id, long accountId, String username, Role role, String fullName, String email,
                   Instant lockedUntil, Instant lastLoginAt, Instant createdAt) {
}
