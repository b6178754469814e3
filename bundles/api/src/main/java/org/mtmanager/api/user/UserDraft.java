package org.mtmanager.api.user;

import java.util.Arrays;

import org.mtmanager.api.Role;
import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.field.Formats;

/**
 * What a client sends to create a user.
 *
 * @param accountId the user's account; null means the caller's own account
 * @param role      one of {@link org.mtmanager.api.Role#wireNames()}
 */
public record UserDraft(Long accountId, String username, String password, String role, String fullName,
                        String email) {
    public static final FieldSpec USERNAME = Formats.USERNAME.mandatory();
    public static final FieldSpec PASSWORD = FieldSpec.value("password").mandatory().example("Correct-horse-battery-9");
    public static final FieldSpec ROLE = FieldSpec.oneOf("role", Arrays.stream(Role.values()).map(Role::wireName).toList()).mandatory().example("viewer");
    public static final FieldSpec FULL_NAME = FieldSpec.text("fullName", 200).example("Alice Martin");
    public static final FieldSpec EMAIL = Formats.EMAIL;

    @Override
    public String toString() {
        return "UserDraft[accountId=" + accountId + ", username=" + username + ", role=" + role + "]";
    }
}
