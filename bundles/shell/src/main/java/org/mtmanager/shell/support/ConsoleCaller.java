package org.mtmanager.shell.support;

import java.security.AccessController;
import java.util.Optional;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.shell.login.ClientAddress;

/**
 * Who is typing: the platform user the console session logged in as. A Karaf administrator who is not a platform
 * user (the local console of {@code bin/karaf}, which needs access to the machine) acts as the platform itself,
 * which is how a lost admin password is reset.
 */
public final class ConsoleCaller {

    private ConsoleCaller() {
    }

    @SuppressWarnings("removal")
    public static Caller of(AuthService auth) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            throw new MtmException(ErrorCode.UNAUTHENTICATED, "no logged-in user in this console session");
        }
        Optional<String> user = subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName).findFirst();
        boolean karafAdmin = subject.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> r.getName().equals("admin"));
        if (user.isPresent()) {
            try {
                Caller caller = auth.resolve(user.get(), Channel.SHELL);
                // the session's own client address, so that each command's audit entry names it
                return ClientAddress.of(subject).map(ip -> caller.via(Channel.SHELL, ip)).orElse(caller);
            } catch (MtmException e) {
                if (!karafAdmin) {
                    throw e;
                }
            }
        }
        if (karafAdmin) {
            return auth.system(Channel.SHELL);
        }
        throw new MtmException(ErrorCode.UNAUTHENTICATED, "this console session has no platform user");
    }
}
