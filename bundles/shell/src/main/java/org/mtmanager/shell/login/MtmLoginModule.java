package org.mtmanager.shell.login;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Role;
import org.mtmanager.api.user.AuthService;

/**
 * Checks a console login against the platform's users (lockout and audit included). Every platform user gets the
 * {@code ssh} role, needed to open a console, and {@code mtm-<role>}; platform administrators also get Karaf's
 * own administrative roles, since they run the container. The account's whitelist applies to the address the SSH
 * client connects from.
 */
public class MtmLoginModule implements LoginModule {
    private Subject subject;
    private CallbackHandler handler;
    private AuthService auth;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.auth = (AuthService) options.get(MtmRealm.AUTH);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (Exception e) {
            // The message is shown at the login prompt: the reason in words, the exception's name only in the cause.
            LoginException refused = new LoginException("cannot read the credentials"
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            refused.initCause(e);
            throw refused;
        }
        char[] pw = password.getPassword();
        try {
            // Without the client's address an account with a whitelist cannot log in: the check fails closed.
            String source = ClientAddress.of(subject).orElse(null);
            Caller caller = auth.authenticate(name.getName(), pw == null ? "" : new String(pw), source, Channel.SHELL);
            principals.add(new UserPrincipal(caller.username()));
            principals.add(new RolePrincipal("ssh"));
            principals.add(new RolePrincipal("mtm-" + caller.role().wireName()));
            if (caller.role() == Role.PLATFORM_ADMIN) {
                for (String r : List.of("admin", "manager", "viewer", "systembundles")) {
                    principals.add(new RolePrincipal(r));
                }
            }
            return true;
        } catch (MtmException e) {
            throw new FailedLoginException(e.getMessage());
        } finally {
            password.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
