package org.mtmanager.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.mtmanager.api.account.AccountType;

/**
 * A user's role. The admin roles are bound to the type of the user's account; {@link #VIEWER} is the read-only
 * role on any account. Roles travel as their {@link #wireName()} on every facade.
 */
public enum Role {
    PLATFORM_ADMIN("platform-admin", AccountType.PLATFORM),
    OPERATOR_ADMIN("operator-admin", AccountType.OPERATOR),
    RESELLER_ADMIN("reseller-admin", AccountType.RESELLER),
    DISTRIBUTOR_ADMIN("distributor-admin", AccountType.DISTRIBUTOR),
    VIEWER("viewer", null);

    private final String wireName;
    private final AccountType adminOf;

    Role(String wireName, AccountType adminOf) {
        this.wireName = wireName;
        this.adminOf = adminOf;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether this role may change things (as opposed to only reading them). */
    public boolean canWrite() {
        return this != VIEWER;
    }

    /** Whether a user of an account of the given type may hold this role. */
    public boolean fits(AccountType type) {
        return adminOf == null || adminOf == type;
    }

    public static Optional<Role> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "));
    }
}
