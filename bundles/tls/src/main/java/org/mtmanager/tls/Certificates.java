package org.mtmanager.tls;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The self-signed certificate of a fresh installation: an EC P-256 key, valid for about two years, named after
 * this host and its addresses. It is made by the JDK's own {@code keytool}, the one tool that is sure to be next to
 * the JVM that runs the server; the JDK has no public API for signing a certificate.
 */
final class Certificates {
    static final String ALIAS = "mtm";
    /** A fresh JVM on a busy 2-core machine starts in seconds; a minute means it hangs. */
    private static final long KEYTOOL_SECONDS = 60;

    private Certificates() {
    }

    /** A random keystore password, kept next to the keystore (both readable by the server's user only). */
    static String newPassword() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Writes a PKCS12 keystore with one self-signed certificate.
     *
     * @param names host names and IP literals for the subject alternative names; the first is the common name
     */
    static void generate(Path keystore, String password, List<String> names) throws IOException {
        Files.createDirectories(keystore.getParent());
        Path tmp = keystore.resolveSibling(keystore.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        List<String> san = new ArrayList<>();
        for (String n : names) {
            san.add((n.matches("[0-9.]+") || n.contains(":") ? "ip:" : "dns:") + n);
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
            "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "825",
            "-dname", "CN=" + names.get(0) + ", O=MT Manager", "-ext", "SAN=" + String.join(",", san),
            "-storetype", "PKCS12", "-keystore", tmp.toString(), "-storepass", password, "-keypass", password);
        // Input from /dev/null, so that a question from keytool fails at once instead of waiting for an answer
        // forever; output to a file, so that a keytool that never ends is caught by the time limit.
        Path log = keystore.resolveSibling(keystore.getFileName() + ".keytool.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectOutput(log.toFile()).start();
        try {
            boolean ended = p.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            if (!ended || p.exitValue() != 0) {
                String out = Files.exists(log) ? Files.readString(log).strip() : "";
                Files.deleteIfExists(tmp);
                String why = ended ? "exited " + p.exitValue() : "did not finish in " + KEYTOOL_SECONDS + " s";
                throw new IOException("keytool " + why + (out.isEmpty() ? "" : ": " + out));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating the certificate", e);
        } finally {
            Files.deleteIfExists(log);
        }
        privateFile(tmp);
        Files.move(tmp, keystore, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
    }

    /** The certificate a keystore holds under {@link #ALIAS}, or null when it cannot be read with the password. */
    static X509Certificate read(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            return (X509Certificate) ks.getCertificate(ALIAS);
        } catch (Exception e) {
            return null;
        }
    }

    /** This host's name, "localhost" and the loopback addresses, then the configured extras. */
    static List<String> names(String hostname, String extras) {
        Set<String> all = new LinkedHashSet<>();
        if (hostname != null && !hostname.isBlank() && hostname.matches("[A-Za-z0-9.-]+")) {
            all.add(hostname);
        }
        all.add("localhost");
        all.add("127.0.0.1");
        all.add("::1");
        for (String e : extras == null ? new String[0] : extras.split(",")) {
            String n = e.strip();
            if (!n.isEmpty()) {
                if (!n.matches("[A-Za-z0-9.:-]+")) {
                    throw new IllegalArgumentException("hostnames: '" + n + "' is neither a host name nor an address");
                }
                all.add(n);
            }
        }
        return List.copyOf(all);
    }

    static void privateFile(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
