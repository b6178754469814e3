package org.mtmanager.spi.firewall;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv4 machines as IPv6 destinations: the RFC 6052 mapping of an IPv4 address into a /96 prefix (by default the
 * well-known 64:ff9b::/96), which is how an edge's NAT64 translator (Jool, Tayga) presents IPv4 hosts to IPv6
 * clients. Packet filters cannot translate between the families themselves; backends filter and forward IPv6
 * traffic towards these addresses, and the translator, which is the edge's own, carries it to the machine.
 */
public final class Nat64 {
    public static final String WELL_KNOWN_PREFIX = "64:ff9b::/96";

    private Nat64() {
    }

    /** {@code 10.77.0.10} under {@code 64:ff9b::/96} is {@code 64:ff9b::a4d:a}. */
    public static String embed(String prefix, String ipv4) {
        byte[] six = bytes(prefix.split("/")[0]);
        byte[] four = bytes(ipv4);
        if (six.length != 16 || four.length != 4) {
            throw new IllegalArgumentException("need an IPv6 prefix and an IPv4 address: " + prefix + ", " + ipv4);
        }
        System.arraycopy(four, 0, six, 12, 4);
        return canonical(six);
    }

    /** {@code 10.77.0.0/24} under {@code 64:ff9b::/96} is {@code 64:ff9b::a4d:0/120}. */
    public static String embedNetwork(String prefix, String ipv4Cidr) {
        String[] block = ipv4Cidr.split("/");
        return embed(prefix, block[0]) + "/" + (96 + (block.length == 2 ? Integer.parseInt(block[1]) : 32));
    }

    /** The IPv4 address an embedded IPv6 address stands for (its last 32 bits). */
    public static String extract(String ipv6) {
        byte[] b = bytes(ipv6);
        return (b[12] & 255) + "." + (b[13] & 255) + "." + (b[14] & 255) + "." + (b[15] & 255);
    }

    /** Whether {@code prefix} is a usable NAT64 prefix: an IPv6 /96 (the RFC 6052 lengths that keep the last 32 bits). */
    public static boolean valid(String prefix) {
        String[] block = prefix.split("/");
        try {
            return block.length == 2 && block[1].equals("96") && bytes(block[0]).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The RFC 5952 text of an IPv6 address (lower case, the longest run of zero groups as "::"), as nft prints it. */
    public static String canonical(byte[] six) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((six[2 * i] & 255) << 8) | (six[2 * i + 1] & 255);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }

    private static byte[] bytes(String literal) {
        // Only literals get here (no DNS lookup): InetAddress parses them without the network.
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            byte[] b = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && b.length == 4) {
                // Java turns "::ffff:a.b.c.d" into IPv4; as a prefix it is still 16 bytes.
                byte[] six = new byte[16];
                six[10] = (byte) 255;
                six[11] = (byte) 255;
                System.arraycopy(b, 0, six, 12, 4);
                return six;
            }
            return b;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }
}
