/**
 * The nftables firewall backend ({@code mtm.firewall=nftables}). Everything lives in one table of the platform's
 * own, {@code inet mtm}, in the configured namespace (or the server's):
 * <ul>
 * <li>port forwards are elements of the map {@code fwd4} (protocol and external port to machine address and
 * port), a DNAT on {@code publicAddress}, or with none set on every address of the edge ({@code fib daddr type
 * local});</li>
 * <li>with {@code masquerade} on (the default), the chain {@code postrouting} masquerades what enters the internal
 * network from outside it, so that machines with no route out answer clients beyond the edge;</li>
 * <li>grants from one address are elements of the hashed sets {@code host4} and {@code host6}, grants from a
 * block are elements of the interval sets {@code allow4} and {@code allow6} (source, machine, protocol, port).
 * The split is for speed: nft loads an interval set's elements to change one, so a change there grows with the
 * set, while a hashed set's does not; most grants are single addresses.</li>
 * </ul>
 * A full sync rewrites the table in one {@code nft -f} transaction. A single grant or revoke is one element
 * change, never a rewrite and never a read of the ruleset, sent as one line to a long-lived {@code nft -i} of
 * the namespace ({@link org.mtmanager.firewall.nftables.NftShell}), which saves a process start per change; a
 * shell that fails falls back to a process of its own, and a change that still fails stays pending.
 *
 * <p>IPv6: machines have IPv4 addresses only, and nftables cannot translate between the families ({@code dnat
 * ip to} applies to IPv4 packets, {@code dnat ip6 to} to IPv6 ones). So IPv6 clients reach a machine at its
 * NAT64 address ({@link org.mtmanager.spi.firewall.Nat64}, 64:ff9b::/96 unless {@code nat64Prefix} says
 * otherwise), which the edge's own NAT64 translator carries to the machine. This backend filters that traffic:
 * {@code ip6 daddr} in the internal network's NAT64 block goes through the same chain as IPv4, where an IPv6
 * grant's entry in {@code host6}/{@code allow6} admits it. With {@code publicAddress6} set, every port forward
 * is also an element of {@code fwd6}, a DNAT from the public IPv6 address to the machine's NAT64 address and
 * port; without it, IPv6 clients get no forwards (web and HTTPS, which need none, still work). SIP stays IPv4,
 * from the SIP edge only.
 */
package org.mtmanager.firewall.nftables;
