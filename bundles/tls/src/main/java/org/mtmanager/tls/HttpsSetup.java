package org.mtmanager.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns HTTPS on. Unless an operator has installed a certificate of their own (a keystore other than ours in
 * {@code org.ops4j.pax.web}), the first start generates a self-signed one, and Pax Web is configured to serve it;
 * later starts find everything in place and change nothing, so Jetty restarts only that first time.
 */
@Component(immediate = true, configurationPid = "org.mtmanager.tls")
@Designate(ocd = TlsConfig.class)
public class HttpsSetup {
    static final String PAX_WEB = "org.ops4j.pax.web";
    static final String KEYSTORE = "org.ops4j.pax.web.ssl.keystore";
    private static final Logger LOG = LoggerFactory.getLogger(HttpsSetup.class);

    private final ConfigurationAdmin configAdmin;

    @Activate
    public HttpsSetup(@Reference ConfigurationAdmin configAdmin, TlsConfig config) throws IOException {
        this.configAdmin = configAdmin;
        apply(config);
    }

    @Modified
    void apply(TlsConfig config) throws IOException {
        PlainHttp.parse(config.plainHttp()); // a bad value fails here, in the log, not on every request
        if (!config.enabled()) {
            LOG.warn("TLS is off (org.mtmanager.tls enabled=false): the server speaks plain HTTP only");
            return;
        }
        Configuration web = configAdmin.getConfiguration(PAX_WEB, "?");
        Dictionary<String, Object> current = web.getProperties() == null ? new Hashtable<>() : web.getProperties();
        Path ours = keystore(config);
        Object configured = current.get(KEYSTORE);
        if (configured != null && !configured.toString().isBlank() && !samePath(configured.toString(), ours)) {
            LOG.info("HTTPS uses the certificate installed in {}", configured);
            return;
        }
        String password = ensureKeystore(ours, config.hostnames());
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("org.osgi.service.http.secure.enabled", "true");
        wanted.put("org.osgi.service.http.port.secure", String.valueOf(config.httpsPort()));
        wanted.put("org.ops4j.pax.web.listening.addresses", config.listenAddress());
        wanted.put(KEYSTORE, ours.toString());
        wanted.put("org.ops4j.pax.web.ssl.keystore.type", "PKCS12");
        String reference = secretReference(ours, etc()).orElse(password);
        wanted.put("org.ops4j.pax.web.ssl.keystore.password", reference);
        wanted.put("org.ops4j.pax.web.ssl.key.password", reference);
        wanted.put("org.ops4j.pax.web.ssl.key.alias", Certificates.ALIAS);
        boolean changed = false;
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!Objects.equals(String.valueOf(current.get(e.getKey())), e.getValue())) {
                current.put(e.getKey(), e.getValue());
                changed = true;
            }
        }
        if (changed) {
            LOG.info("HTTPS on {}:{} with the certificate in {}", config.listenAddress(), config.httpsPort(), ours);
            web.update(current);
        }
    }

    /** Makes the keystore when it is missing (or unreadable with its password) and returns the password. */
    static String ensureKeystore(Path keystore, String extraNames) throws IOException {
        Path passwordFile = keystore.resolveSibling(keystore.getFileName() + ".password");
        if (Files.isRegularFile(keystore) && Files.isRegularFile(passwordFile)) {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            if (Certificates.read(keystore, password) != null) {
                return password;
            }
            LOG.warn("{} cannot be read with its password: making a new certificate", keystore);
        }
        String password = Certificates.newPassword();
        Files.createDirectories(keystore.getParent());
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        Certificates.privateFile(passwordFile);
        Certificates.generate(keystore, password, Certificates.names(hostname(), extraNames));
        LOG.info("Generated a self-signed certificate in {} (install a real one as the README says)", keystore);
        return password;
    }

    /**
     * The kernel's host name, read without a name lookup: {@code InetAddress.getLocalHost()} asks DNS, which on a
     * host without a working resolver stalls the boot for as long as the resolver's timeouts add up to.
     */
    static String hostname() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            return name.isEmpty() ? "localhost" : name;
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env.strip();
        }
    }

    static Path keystore(TlsConfig config) {
        if (!config.keystore().isBlank()) {
            return Paths.get(config.keystore()).toAbsolutePath();
        }
        return etc().resolve("keystores").resolve("mtm-https.p12");
    }

    private static Path etc() {
        return Paths.get(System.getProperty("karaf.etc", "etc")).toAbsolutePath().normalize();
    }

    /**
     * The keystore's password as a reference to its file, {@code $[secret:keystores/mtm-https.p12.password]}, which
     * Karaf's Config Admin interpolation plugin (its secrets directory is {@code etc/}) resolves for Pax Web: the
     * password itself never lands in the world-readable {@code etc/org.ops4j.pax.web.cfg}. Empty when the password
     * file lies outside {@code etc/}, where the plugin does not look.
     */
    static Optional<String> secretReference(Path keystore, Path etc) {
        Path passwordFile = keystore.resolveSibling(keystore.getFileName() + ".password").toAbsolutePath().normalize();
        if (!passwordFile.startsWith(etc) || passwordFile.equals(etc)) {
            return Optional.empty();
        }
        String relative = etc.relativize(passwordFile).toString().replace('\\', '/');
        return relative.contains("]") ? Optional.empty() : Optional.of("$[secret:" + relative + "]");
    }

    private static boolean samePath(String a, Path b) {
        return Paths.get(a).toAbsolutePath().normalize().equals(b.normalize());
    }
}
