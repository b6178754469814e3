package org.mtmanager.machine;

/**
 * A host's internal network (its {@code network} setting, an IPv4 block): the host holds the first address and
 * machines get addresses from it.
 */
record InternalNetwork(long base, int prefix) {
    static final String DEFAULT = "10.100.0.0/16";

    /** @throws IllegalArgumentException naming the setting and the rule */
    static InternalNetwork parse(String text) {
        String rule = "network must be an IPv4 block from /8 to /28, like " + DEFAULT + "; got " + text;
        String[] parts = text.strip().split("/");
        if (parts.length != 2 || !parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}") || !parts[1].matches("\\d{1,2}")) {
            throw new IllegalArgumentException(rule);
        }
        long v = 0;
        for (String octet : parts[0].split("\\.")) {
            int o = Integer.parseInt(octet);
            if (o > 255) {
                throw new IllegalArgumentException(rule);
            }
            v = (v << 8) | o;
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix < 8 || prefix > 28) {
            throw new IllegalArgumentException(rule);
        }
        return new InternalNetwork(v & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL, prefix);
    }

    long size() {
        return 1L << (32 - prefix);
    }

    String address(long offset) {
        long v = base + offset;
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    /** The dotted prefix every address shares ("10.100." for a /16), for an indexed LIKE. */
    String commonPrefix() {
        int whole = prefix / 8;
        String first = address(0);
        int end = 0;
        for (int i = 0; i < whole; i++) {
            end = first.indexOf('.', end) + 1;
        }
        return first.substring(0, end);
    }

    @Override
    public String toString() {
        return address(0) + "/" + prefix;
    }
}
