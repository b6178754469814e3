package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Boots the real MT Manager distribution (the tar.gz the assembly built) once for the suite, on free ports, and
 * gives the tests real clients: HTTP from a chosen loopback address, SOAP with a UsernameToken, and console
 * sessions logged in through the platform's JAAS realm.
 */
public abstract class MtmTestSupport {
    static final String API = "/mtm/api/v1";

    @Inject
    protected BootFinished bootFinished;

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() throws IOException {
        String dist = System.getProperty("mtm.distribution", "../assembly/target/mtm-assembly-0.1.0-SNAPSHOT.tar.gz");
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        int http = Ports.free();
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(new File(dist).toURI().toString()).karafVersion("4.4.10")
                .name("MT Manager").unpackDirectory(new File("target/exam")).useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevelOption.LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http)),
            // In-container tests speak plain HTTP on loopback; TlsIT covers HTTPS on the real distribution.
            editConfigurationFilePut("etc/org.mtmanager.tls.cfg", "enabled", "false"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(Ports.free())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(Ports.free())),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(Ports.free())),
            systemProperty("mtm.itest.httpPort").value(String.valueOf(http)),
            // The driver built outside the reactor (src/it/external-driver, by the invoker) that ExternalDriverIT deploys.
            systemProperty("mtm.itest.externalDriver").value(System.getProperty("mtm.externalDriver",
                new File("target/it/external-driver/target/mtm-external-driver-1.0.0.jar").getAbsolutePath())),
            // Injected services (BootFinished first) wait 10 s by default; a loaded 2-core CI machine boots slower.
            systemProperty("pax.exam.service.timeout").value("120000"),
            // One hypervisor host on libvirt's test driver (real libvirt, no daemon), as an operator configures it.
            editConfigurationFilePut("etc/org.mtmanager.host-lab1.cfg", "name", "lab1"),
            editConfigurationFilePut("etc/org.mtmanager.host-lab1.cfg", "driver", "libvirt"),
            editConfigurationFilePut("etc/org.mtmanager.host-lab1.cfg", "uri", "test:///default"),
            editConfigurationFilePut("etc/org.mtmanager.host-lab1.cfg", "vcpu", "64"),
            editConfigurationFilePut("etc/org.mtmanager.host-lab1.cfg", "memoryMb", "262144"),
            editConfigurationFilePut("etc/org.mtmanager.host-lab1.cfg", "diskGb", "10000"),
            // The distribution's own container host, on a test bridge and network (see Containers), so that tests
            // never touch a server's real mtmbr0. Placement prefers lab1 (more memory) unless a test says otherwise.
            editConfigurationFilePut("etc/org.mtmanager.host-local.cfg", "bridge", Containers.BRIDGE),
            editConfigurationFilePut("etc/org.mtmanager.host-local.cfg", "network", Containers.NETWORK),
            editConfigurationFilePut("etc/org.mtmanager.host-local.cfg", "namespacePrefix", Containers.PREFIX),
            editConfigurationFilePut("etc/org.mtmanager.firewall.cfg", "namespace", Distribution.NO_FIREWALL),
            // The SIP edge on loopback and ports of the test's own, off the machines' network.
            editConfigurationFilePut("etc/org.mtmanager.sipedge.cfg", "sipAddress", "127.0.0.1"),
            editConfigurationFilePut("etc/org.mtmanager.sipedge.cfg", "sipPort", String.valueOf(Ports.free())),
            editConfigurationFilePut("etc/org.mtmanager.sipedge.cfg", "controlPort", String.valueOf(Ports.free())),
            editConfigurationFilePut("etc/org.mtmanager.sipedge.cfg", "internalAddress", ""),
            // Karaf's own launcher adds these for Java 9+; Pax Exam does not.
            vmOption("--add-reads=java.xml=java.logging"),
            vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
            vmOption("--patch-module"), vmOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar"),
            vmOption("--patch-module"), vmOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar"),
            vmOption("--add-opens=java.base/java.security=ALL-UNNAMED"),
            vmOption("--add-opens=java.base/java.net=ALL-UNNAMED"),
            vmOption("--add-opens=java.base/java.lang=ALL-UNNAMED"),
            vmOption("--add-opens=java.base/java.util=ALL-UNNAMED"),
            vmOption("--add-opens=java.naming/javax.naming.spi=ALL-UNNAMED"),
            vmOption("--add-opens=java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
            vmOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
            vmOption("--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED"),
            vmOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
            vmOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
            vmOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
            vmOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
            vmOption("--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED"),
            vmOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
            vmOption("--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"),
            vmOption("--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED"),
            vmOption("--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED"),
            vmOption("-classpath"), vmOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"),
            when(Boolean.getBoolean("mtm.itest.debug")).useOptions(vmOption("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=5005")),
        };
    }


    // ---- clients -------------------------------------------------------------------------------------------

    protected static int httpPort() {
        return Integer.getInteger("mtm.itest.httpPort");
    }

    protected static String adminPassword() throws IOException {
        return Files.readString(Paths.get(System.getProperty("karaf.data"), "mtm", "initial-admin-password")).strip();
    }

    /** REST as admin from 127.0.0.1; paths are relative to the API root. */
    protected Http admin() throws IOException {
        return new Http(httpPort(), "admin", adminPassword(), "127.0.0.1");
    }

    protected Http http(String user, String password) {
        return new Http(httpPort(), user, password, "127.0.0.1");
    }

    protected Soap soap(String user, String password) {
        return new Soap(new Http(httpPort(), null, null, "127.0.0.1"), user, password);
    }

    /** A fresh name, so tests sharing one container never collide. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an account under the platform and an admin user for it; returns the account id. */
    protected long createAccountWithAdmin(String type, String name, String username, String password) throws IOException {
        Http.Response a = admin().post(API + "/accounts", Map.of("type", type, "name", name));
        assertEquals(a.toString(), 201, a.status());
        long id = a.json().get("id").asLong();
        Http.Response u = admin().post(API + "/users", Map.of("accountId", id, "username", username,
            "password", password, "role", type + "-admin"));
        assertEquals(u.toString(), 201, u.status());
        return id;
    }

    protected static JsonNode ok(Http.Response r) {
        if (r.status() / 100 != 2) {
            throw new AssertionError("expected success, got " + r);
        }
        return r.status() == 204 ? null : r.json();
    }

    // ---- machines ----

    protected static Map<String, Object> customer() {
        return Map.of("company", "Bodega Garcia SL", "contact", "Ana Garcia", "email", "ana@bodega.example",
            "phone", "+34 910 000 000", "address", "Calle Mayor 1, Madrid", "taxId", "B12345678");
    }

    /** Polls {@code condition} every 100 ms until it holds; fails after {@code seconds}, saying what it awaited. */
    protected static void await(String what, int seconds, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not in " + seconds + " s: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Polls a job until it ends (bounded); fails on FAILED. */
    protected static JsonNode awaitJob(Http http, long jobId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode job = ok(http.get(API + "/jobs/" + jobId));
            String state = job.get("state").asText();
            if (state.equals("SUCCEEDED")) {
                return job;
            }
            if (state.equals("FAILED")) {
                throw new AssertionError("job failed: " + job);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("job " + jobId + " did not end in 60 s: " + http.get(API + "/jobs/" + jobId));
    }

    // ---- console -------------------------------------------------------------------------------------------

    /** The console output of a command, or the exception it failed with, as a platform user logged in via JAAS. */
    public record ShellResult(String output, Exception error) {
        public boolean failed() {
            return error != null;
        }

        public String errorMessage() {
            return error == null ? "" : String.valueOf(error.getMessage());
        }
    }

    protected Subject login(String user, String password) throws LoginException {
        LoginContext lc = new LoginContext("karaf", callbacks -> {
            for (Callback cb : callbacks) {
                if (cb instanceof NameCallback n) {
                    n.setName(user);
                } else if (cb instanceof PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                }
            }
        });
        lc.login();
        return lc.getSubject();
    }

    protected ShellResult shell(Subject subject, String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
            out.flush();
            return new ShellResult(bytes.toString(StandardCharsets.UTF_8), null);
        } catch (PrivilegedActionException e) {
            out.flush();
            return new ShellResult(bytes.toString(StandardCharsets.UTF_8), e.getException());
        } catch (RuntimeException e) {
            out.flush();
            return new ShellResult(bytes.toString(StandardCharsets.UTF_8), e);
        } finally {
            session.close();
        }
    }

    protected ShellResult shellAs(String user, String password, String command) throws Exception {
        return shell(login(user, password), command);
    }
}
