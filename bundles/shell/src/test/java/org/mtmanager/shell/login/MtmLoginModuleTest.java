package org.mtmanager.shell.login;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.Role;
import org.mtmanager.api.user.AuthService;

/** A console login is checked against the address the SSH client connects from, as Karaf's SSH server gives it. */
public class MtmLoginModuleTest {

    @Test
    public void theClientsAddressReachesTheAuthentication() throws Exception {
        List<String> sources = new ArrayList<>();
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", "/127.0.0.1:40022"));
        MtmLoginModule module = new MtmLoginModule();
        module.initialize(subject, callbacks -> {
            ((NameCallback) callbacks[0]).setName("ann");
            ((PasswordCallback) callbacks[1]).setPassword("secret".toCharArray());
        }, Map.of(), Map.of(MtmRealm.AUTH, recordingAuth(sources)));

        assertTrue(module.login());
        module.commit();

        assertEquals(List.of("127.0.0.1"), sources);
        assertTrue(subject.getPrincipals(UserPrincipal.class).stream().anyMatch(p -> p.getName().equals("ann")));
        assertEquals("127.0.0.1", ClientAddress.of(subject).orElseThrow());
    }

    @Test
    public void credentialsThatCannotBeReadAreRefusedInWordsWithoutTheExceptionsName() {
        MtmLoginModule module = new MtmLoginModule();
        module.initialize(new Subject(), callbacks -> {
            throw new UnsupportedCallbackException(callbacks[0], "the terminal has no password prompt");
        }, Map.of(), Map.of(MtmRealm.AUTH, recordingAuth(new ArrayList<>())));

        LoginException e = assertThrows(LoginException.class, module::login);
        assertEquals("cannot read the credentials: the terminal has no password prompt", e.getMessage());
    }

    @Test
    public void socketAddressesGiveTheirIpLiteral() {
        assertEquals("127.0.0.1", ClientAddress.literal("/127.0.0.1:40022"));
        assertEquals("10.1.2.3", ClientAddress.literal("host.example/10.1.2.3:22"));
        assertEquals("::1", ClientAddress.literal("/[::1]:40022"));
        assertEquals("fe80::1", ClientAddress.literal("/[fe80::1%lo]:40022"));
        assertEquals("0:0:0:0:0:0:0:1", ClientAddress.literal("/0:0:0:0:0:0:0:1:40022"));
        assertEquals("", ClientAddress.literal(null));
        assertTrue(ClientAddress.of(new Subject()).isEmpty());
    }

    private static AuthService recordingAuth(List<String> sources) {
        return (AuthService) Proxy.newProxyInstance(AuthService.class.getClassLoader(), new Class<?>[] {AuthService.class},
            (proxy, method, args) -> {
                if (method.getName().equals("authenticate") && args.length == 5) {
                    sources.add((String) args[3]);
                    return new Caller(7, (String) args[0], 3, "/1/3/", Role.RESELLER_ADMIN, (String) args[3], Channel.SHELL);
                }
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                throw new UnsupportedOperationException(method.getName());
            });
    }
}
