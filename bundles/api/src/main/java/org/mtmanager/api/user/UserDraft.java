package org.mtmanager.api.user;

/**
 * What a client sends to create a user.
 *
 * @param accountId the user's account; null means the caller's own account
 * @param role      one of {@link org.mtmanager.api.Role#wireNames()}
 */
public record UserDraft(Long accountId, String username, String password, String role, String fullName,
                        String email) {
    @Override
    public String toString() {
        return "UserDraft[accountId=" + accountId + ", username=" + username + ", role=" + role + "]";
    }
}
