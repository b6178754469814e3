/**
 * The iptables firewall backend ({@code mtm.firewall=iptables}): the chains {@code MTM-PREROUTING} (nat: one DNAT
 * rule per port forward) and {@code MTM-FORWARD} (filter: established traffic, the SIP edge, one ACCEPT per grant,
 * then DROP), reached by one jump each from PREROUTING and from FORWARD for the internal network. Every change
 * goes through one {@code iptables-restore --noflush}: a full sync redeclares (and so empties) the platform's
 * chains inside the same transaction; a single grant or revoke inserts or deletes its rules only. Never one
 * process per rule.
 *
 * <p>IPv6: the same two chains in ip6tables, through {@code ip6tables-restore}. Machines are IPv4 and neither
 * tool translates between families, so IPv6 clients reach a machine at its NAT64 address (see {@link
 * org.mtmanager.spi.firewall.Nat64}), which the edge's own translator carries to IPv4: an IPv6 grant accepts its
 * source towards that address, and with {@code publicAddress6} set each port forward is also a DNAT from the
 * public IPv6 address to it. SIP stays IPv4, from the SIP edge only. A full sync is one transaction per family.
 */
package org.mtmanager.firewall.iptables;
