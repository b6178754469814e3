package org.mtmanager.tls;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Who may use plain HTTP, and the generated certificate. */
public class TlsTest {
    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void plainHttpIsKeptToLoopbackByDefault() {
        PlainHttp p = PlainHttp.parse(" Loopback ");
        assertTrue(p.allows("127.0.0.1"));
        assertTrue(p.allows("127.9.8.7"));
        assertTrue(p.allows("::1"));
        assertTrue(p.allows("[::1]"));
        assertFalse(p.allows("192.0.2.10"));
        assertFalse(p.allows("::ffff:192.0.2.10"));
        assertFalse(p.allows("localhost")); // names are never looked up
        assertFalse(p.allows(null));
        assertFalse(PlainHttp.OFF.allows("127.0.0.1"));
        assertTrue(PlainHttp.ON.allows("192.0.2.10"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlainHttp.parse("sometimes"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("plainHttp: must be one of off, loopback, on"));
    }

    @Test
    public void aGeneratedCertificateNamesTheHostAndIsKeptPrivate() throws Exception {
        Path ks = tmp.getRoot().toPath().resolve("keystores/mtm-https.p12");
        String password = HttpsSetup.ensureKeystore(ks, "pbx.example.net, 192.0.2.10");
        X509Certificate cert = Certificates.read(ks, password);
        assertNotNull(cert);
        cert.checkValidity();
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertEquals("EC", cert.getPublicKey().getAlgorithm());
        String sans = String.valueOf(cert.getSubjectAlternativeNames());
        for (String name : List.of("localhost", "127.0.0.1", "pbx.example.net", "192.0.2.10")) {
            assertTrue(sans, sans.contains(name));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ks)));
        Path passwordFile = ks.resolveSibling("mtm-https.p12.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertNull("a wrong password reads nothing", Certificates.read(ks, "wrong"));

        // The next start keeps it; a keystore that no longer opens with its password is replaced.
        assertEquals(password, HttpsSetup.ensureKeystore(ks, ""));
        assertEquals(cert, Certificates.read(ks, password));
        Files.writeString(passwordFile, "lost\n");
        String fresh = HttpsSetup.ensureKeystore(ks, "");
        assertNotEquals(password, fresh);
        assertNotEquals(cert, Certificates.read(ks, fresh));
    }

    @Test
    public void extraNamesAreCheckedBeforeKeytoolSeesThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Certificates.names("host", "ok.example, bad name; rm -rf"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("hostnames: "));
        assertEquals(List.of("host", "localhost", "127.0.0.1", "::1", "ok.example"), Certificates.names("host", "ok.example"));
    }

    @Test
    public void theHostNameComesFromTheKernelWithoutALookup() throws Exception {
        assertEquals(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip(), HttpsSetup.hostname());
    }

    @Test
    public void aFailingKeytoolIsReportedWithWhatItSaidAndLeavesNothingBehind() throws Exception {
        Path ks = tmp.getRoot().toPath().resolve("keystores/mtm-https.p12");
        // keytool refuses a password under six characters: its own message must reach the log.
        IOException e = assertThrows(IOException.class, () -> Certificates.generate(ks, "abc", List.of("localhost")));
        assertTrue(e.getMessage(), e.getMessage().startsWith("keytool exited "));
        assertTrue(e.getMessage(), e.getMessage().toLowerCase(Locale.ROOT).contains("password"));
        try (var left = Files.list(ks.getParent())) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    public void paxWebIsGivenAReferenceToThePasswordFileNotThePassword() {
        Path etc = Path.of("/opt/mtm/etc");
        assertEquals(Optional.of("$[secret:keystores/mtm-https.p12.password]"),
            HttpsSetup.secretReference(etc.resolve("keystores/mtm-https.p12"), etc));
        assertEquals("outside etc/ the interpolation plugin does not look", Optional.empty(),
            HttpsSetup.secretReference(Path.of("/srv/tls/site.p12"), etc));
        assertEquals(Optional.empty(), HttpsSetup.secretReference(Path.of("/opt/mtm/etc/../tls/site.p12"), etc));
    }
}
