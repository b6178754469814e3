package org.mtmanager.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Who may still use plain HTTP. Loopback clients are the console, local scripts and a TLS proxy on the same host;
 * everybody else is sent to HTTPS before a password or a session cookie crosses the network in clear.
 */
enum PlainHttp {
    /** Nobody: plain HTTP only redirects or refuses. */
    OFF,
    /** Clients on this host only (127.0.0.0/8 and ::1). */
    LOOPBACK,
    /** Everybody; for a trusted network or a remote TLS proxy only. */
    ON;

    static PlainHttp parse(String value) {
        try {
            return valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plainHttp: must be one of off, loopback, on; was '" + value + "'", e);
        }
    }

    /** Whether a plain (not TLS) request from {@code remoteAddress} is answered. */
    boolean allows(String remoteAddress) {
        return switch (this) {
            case ON -> true;
            case OFF -> false;
            case LOOPBACK -> isLoopback(remoteAddress);
        };
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.\\[\\]%a-z0-9]+")) {
            return false;
        }
        try {
            // a literal only: never a name lookup
            String literal = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
            return (literal.contains(":") || literal.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"))
                && InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
