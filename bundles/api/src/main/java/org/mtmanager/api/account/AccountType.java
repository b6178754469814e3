package org.mtmanager.api.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of account, and which kinds each may hold as children. */
public enum AccountType {
    PLATFORM("platform"),
    OPERATOR("operator"),
    RESELLER("reseller"),
    DISTRIBUTOR("distributor"),
    CUSTOMER("customer");

    private final String wireName;

    AccountType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The account types allowed directly below this one. */
    public Set<AccountType> childTypes() {
        return switch (this) {
            case PLATFORM -> EnumSet.of(OPERATOR, RESELLER, DISTRIBUTOR);
            case OPERATOR -> EnumSet.of(RESELLER, DISTRIBUTOR, CUSTOMER);
            case RESELLER, DISTRIBUTOR -> EnumSet.of(CUSTOMER);
            case CUSTOMER -> EnumSet.noneOf(AccountType.class);
        };
    }

    public static Optional<AccountType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(AccountType::wireName).collect(Collectors.joining(", "));
    }
}
