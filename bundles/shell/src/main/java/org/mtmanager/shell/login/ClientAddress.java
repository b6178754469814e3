package org.mtmanager.shell.login;

import java.util.Optional;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;

/**
 * The address a console client connects from. Karaf's SSH server puts a {@link ClientPrincipal} holding the
 * session's remote socket address into the subject before the login modules run (and the session keeps it), so
 * the platform can apply the account's whitelist and audit the real address.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The client's IP literal, if a login or session subject carries one. */
    public static Optional<String> of(Subject subject) {
        if (subject == null) {
            return Optional.empty();
        }
        return subject.getPrincipals(ClientPrincipal.class).stream().map(ClientPrincipal::getAddress)
            .map(ClientAddress::literal).filter(a -> !a.isEmpty()).findFirst();
    }

    /**
     * The IP literal of a socket address as {@code InetSocketAddress.toString()} writes it: {@code /127.0.0.1:5005},
     * {@code host/10.0.0.1:5005}, {@code /[::1]:5005} or (older JDKs) {@code /0:0:0:0:0:0:0:1:5005}; an IPv6
     * zone is dropped.
     */
    static String literal(String socketAddress) {
        if (socketAddress == null) {
            return "";
        }
        String s = socketAddress.strip();
        s = s.substring(s.lastIndexOf('/') + 1);
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            s = end < 0 ? s.substring(1) : s.substring(1, end);
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':'));
        } else if (s.indexOf(':') >= 0 && s.chars().filter(ch -> ch == ':').count() == 8) {
            s = s.substring(0, s.lastIndexOf(':'));
        }
        int zone = s.indexOf('%');
        return zone < 0 ? s : s.substring(0, zone);
    }
}
