package org.mtmanager.shell.login;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.mtmanager.api.user.AuthService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Replaces Karaf's {@code karaf} realm (rank 0) with the platform's users, so {@code bin/client} and SSH log in
 * with a platform user name and password. The {@link AuthService} travels to the login module in the realm's
 * options, since JAAS instantiates login modules itself.
 */
@Component(service = JaasRealm.class, immediate = true)
public class MtmRealm implements JaasRealm {
    static final String AUTH = "mtm.auth";

    private final AuthService auth;
    private final BundleContext context;

    @Activate
    public MtmRealm(@Reference AuthService auth, BundleContext context) {
        this.auth = auth;
        this.context = context;
    }

    @Override
    public String getName() {
        return "karaf";
    }

    @Override
    public int getRank() {
        return 100;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, MtmLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(BundleContext.class.getName(), context);
        options.put(AUTH, auth);
        return new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
            AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }
}
