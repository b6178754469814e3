/**
 * The nftables firewall backend ({@code mtm.firewall=nftables}). Everything lives in one table of the platform's
 * own, {@code inet mtm}, in the configured namespace (or the server's): port forwards are elements of the map
 * {@code fwd4} (protocol and external port to machine address and port), grants are elements of the interval
 * set {@code allow4} (source block, machine address, protocol, port). A full sync rewrites the table in one
 * {@code nft -f} transaction; a single grant or revoke is one element change, never a rewrite and never a read
 * of the ruleset. IPv6 sources are kept by the platform but not installed: machines have IPv4 addresses only.
 */
package org.mtmanager.firewall.nftables;
