package org.mtmanager.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an API token may do, always within its user's own rights: {@link #READ} reads only, {@link #BILLING} reads
 * and does what billing systems do (usage, price lists, statements), {@link #FULL} everything its user may.
 */
public enum TokenScope {
    READ("read"), BILLING("billing"), FULL("full");

    private final String wireName;

    TokenScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TokenScope> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(TokenScope::wireName).collect(Collectors.joining(", "));
    }
}
