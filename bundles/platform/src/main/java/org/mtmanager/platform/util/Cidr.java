package org.mtmanager.platform.util;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.mtmanager.api.MtmException;

/**
 * An IPv4 or IPv6 address block. Parsing accepts only literal addresses (never a host name, so it never touches
 * DNS) and normalises the block to its network address, so "192.0.2.7/24" is stored as "192.0.2.0/24".
 */
public final class Cidr {
    /** No leading zeros: parsers disagree on whether "010" is ten or octal eight. */
    private static final Pattern V4 = Pattern.compile("^(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}$");
    private static final Pattern V6 = Pattern.compile("^[0-9A-Fa-f:.]+$");

    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** @throws MtmException INVALID_FIELD naming {@code field} */
    public static Cidr parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw MtmException.invalid(field, "is required");
        }
        String t = text.strip();
        String rule = "must be an IPv4 or IPv6 address or CIDR block, such as 192.0.2.0/24 or 2001:db8::/32,"
            + " without leading zeros or a zone (%eth0)";
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        // A zone names an interface of this one host: on a firewall or another host it means nothing.
        byte[] bytes = addr.indexOf('%') >= 0 ? null : literal(addr);
        if (bytes == null) {
            throw MtmException.invalid(field, rule);
        }
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (!p.matches("0|[1-9]\\d?\\d?")) {
                throw MtmException.invalid(field, rule);
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                throw MtmException.invalid(field, "prefix length must be at most " + max);
            }
        }
        return new Cidr(mask(bytes, prefix), prefix);
    }

    /** Parses a client address as seen by a facade; null when it is not a literal IP. */
    public static byte[] literal(String addr) {
        if (addr == null || addr.isEmpty() || addr.length() > 45) {
            return null;
        }
        String a = addr;
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        boolean v4 = V4.matcher(a).matches();
        if (!v4 && !(a.contains(":") && V6.matcher(a).matches())) {
            return null;
        }
        if (v4) {
            for (String octet : a.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            byte[] b = InetAddress.getByName(a).getAddress();
            return unmapV4(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** "::ffff:192.0.2.1" is the IPv4 client 192.0.2.1 on a dual-stack socket. */
    private static byte[] unmapV4(byte[] b) {
        if (b.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return b;
                }
            }
            if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return new byte[] {b[12], b[13], b[14], b[15]};
            }
        }
        return b;
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - bits)));
        }
        return out;
    }

    public boolean contains(String address) {
        byte[] b = literal(address);
        return b != null && b.length == network.length && Arrays.equals(mask(b, prefix), network);
    }

    @Override
    public String toString() {
        try {
            String host = InetAddress.getByAddress(network).getHostAddress();
            if (network.length == 16) {
                host = compress(host);
            }
            return host + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java prints "2001:db8:0:0:0:0:0:0"; the canonical form is "2001:db8::". */
    private static String compress(String full) {
        String[] parts = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < parts.length; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(parts, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
        return head + "::" + tail;
    }

    /** For tests and ordering: the network as a number. */
    BigInteger networkValue() {
        return new BigInteger(1, network);
    }
}
