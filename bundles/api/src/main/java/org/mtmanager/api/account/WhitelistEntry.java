package org.mtmanager.api.account;

/**
 * One portal whitelist entry: an IPv4 or IPv6 address or CIDR block, in canonical form ("192.0.2.0/24").
 */
public record WhitelistEntry(String cidr, String description) {
}
