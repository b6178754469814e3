package org.mtmanager.api.account;

import org.mtmanager.api.field.FieldSpec;

/**
 * One portal whitelist entry: an IPv4 or IPv6 address or CIDR block, in canonical form ("192.0.2.0/24").
 */
public record WhitelistEntry(String cidr, String description) {
    public static final FieldSpec CIDR = FieldSpec.text("cidr", 43).mandatory().example("198.51.100.0/24");
    public static final FieldSpec DESCRIPTION = FieldSpec.text("description", 200).example("head office");

}
