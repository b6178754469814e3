/**
 * The iptables firewall backend ({@code mtm.firewall=iptables}): the chains {@code MTM-PREROUTING} (nat: one DNAT
 * rule per port forward) and {@code MTM-FORWARD} (filter: established traffic, the SIP edge, one ACCEPT per grant,
 * then DROP), reached by one jump each from PREROUTING and from FORWARD for the internal network. Every change
 * goes through one {@code iptables-restore --noflush}: a full sync redeclares (and so empties) the platform's
 * chains inside the same transaction; a single grant or revoke inserts or deletes its rules only. Never one
 * process per rule. IPv4 only, like the machines' addresses.
 */
package org.mtmanager.firewall.iptables;
