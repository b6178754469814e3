package org.mtmanager.spi.firewall;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the platform wants enforced: port forwards from the public address to machines, and the sources allowed
 * to reach each machine's service. Anything towards the internal network that no entry allows is dropped, except
 * SIP from the platform's SIP edge.
 */
public record Policy(Set<Forward> forwards, Set<Allow> allows) {

    public static final Policy EMPTY = new Policy(Set.of(), Set.of());

    public Policy {
        forwards = Set.copyOf(forwards);
        allows = Set.copyOf(allows);
    }

    public static Policy of(Collection<Forward> forwards, Collection<Allow> allows) {
        return new Policy(new LinkedHashSet<>(forwards), new LinkedHashSet<>(allows));
    }

    /** Entries of this policy that {@code other} lacks. */
    public Policy minus(Policy other) {
        List<Forward> f = new ArrayList<>(forwards);
        f.removeAll(other.forwards);
        List<Allow> a = new ArrayList<>(allows);
        a.removeAll(other.allows);
        return of(f, a);
    }

    public boolean isEmpty() {
        return forwards.isEmpty() && allows.isEmpty();
    }

    /**
     * Public {@code externalPort} (TCP or UDP) leads to {@code internalIp:port}.
     *
     * @param protocol {@code tcp} or {@code udp}
     */
    public record Forward(String protocol, int externalPort, String internalIp, int port) {
    }

    /**
     * Sources in {@code source} (an IPv4 or IPv6 CIDR) may reach {@code internalIp:port}, directly or through a
     * forward (forwards are matched after address translation, on the machine's own address and port).
     */
    public record Allow(String source, String internalIp, String protocol, int port) {

        /** Whether the source is an IPv6 block (then it is installed for the machine's NAT64 address, see {@link Nat64}). */
        public boolean ipv6() {
            return source.contains(":");
        }

        /** The source block's network address, without its length. */
        public String sourceAddress() {
            return source.split("/")[0];
        }

        /** The source block's length; a bare address is a block of one. */
        public int sourcePrefix() {
            String[] block = source.split("/");
            return block.length == 2 ? Integer.parseInt(block[1]) : ipv6() ? 128 : 32;
        }

        /** Whether the source is one address (backends keep those in a hashed set, whose changes cost the same at any size). */
        public boolean singleAddress() {
            return sourcePrefix() == (ipv6() ? 128 : 32);
        }

        /** The source block's netmask, dotted for IPv4 and in full for IPv6 (for tools that take one, like conntrack). */
        public String sourceMask() {
            int prefix = sourcePrefix();
            if (ipv6()) {
                StringBuilder mask = new StringBuilder();
                for (int group = 0; group < 8; group++) {
                    int bits = Math.max(0, Math.min(16, prefix - 16 * group));
                    mask.append(group == 0 ? "" : ":").append(Integer.toHexString(bits == 0 ? 0 : (0xFFFF << (16 - bits)) & 0xFFFF));
                }
                return mask.toString();
            }
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            return ((mask >> 24) & 255) + "." + ((mask >> 16) & 255) + "." + ((mask >> 8) & 255) + "." + (mask & 255);
        }
    }
}
