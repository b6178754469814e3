/**
 * The iptables firewall backend ({@code mtm.firewall=iptables}): the chains {@code MTM-PREROUTING} (nat: one DNAT
 * rule per port forward, on {@code publicAddress}, or with {@code -m addrtype --dst-type LOCAL} on every address of
 * the edge when none is set), {@code MTM-FORWARD} (filter: established traffic, the SIP edge, one ACCEPT per grant,
 * then DROP) and {@code MTM-POSTROUTING} (nat, IPv4: with {@code masquerade} on, the default, a MASQUERADE of what
 * enters the internal network from outside it, so that machines with no route out answer clients beyond the
 * edge), reached by one jump each from PREROUTING, from FORWARD for the internal network and from POSTROUTING. Every change
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
