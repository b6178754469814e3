package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mtmanager.itests.ProcessTestSupport.API;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Test;

/**
 * TLS by default (issue 7), on the distribution as shipped: the first start makes a self-signed certificate and
 * serves HTTPS with it; plain HTTP answers loopback clients only and sends others to HTTPS; a restart keeps the
 * certificate. The non-loopback client is an address on a veth interface the test makes, so that no packet can
 * leave the host.
 */
public class TlsIT {
    private static final String OTHER = "198.18.250.1";
    private static final String DUMMY = "mtmit-tls0";

    @Test
    public void theFirstStartServesHttpsWithItsOwnCertificateAndKeepsPlainHttpLocal() throws Exception {
        try (Distribution d = Distribution.unpack("tls")) {
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            Path keystore = d.home().resolve("etc/keystores/mtm-https.p12");
            X509Certificate generated = certificate(keystore);
            generated.checkValidity();
            assertEquals("self-signed", generated.getSubjectX500Principal(), generated.getIssuerX500Principal());
            // Pax Web's settings name the password file; the password itself stays in the mode-600 file.
            String password = Files.readString(keystore.resolveSibling("mtm-https.p12.password")).strip();
            Path web = d.home().resolve("etc/org.ops4j.pax.web.cfg");
            for (int i = 0; i < 100 && !Files.readString(web).contains("$[secret:"); i++) {
                TimeUnit.MILLISECONDS.sleep(100); // Config Admin writes the file back a moment later
            }
            String webCfg = Files.readString(web);
            assertTrue(webCfg, webCfg.contains("org.ops4j.pax.web.ssl.keystore.password = $[secret:keystores/mtm-https.p12.password]"));
            assertFalse("the keystore password is not in " + web, webCfg.contains(password));

            HttpsURLConnection c = https(d, API + "/users/me", generated);
            c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + d.adminPassword()).getBytes(StandardCharsets.UTF_8)));
            assertEquals(200, c.getResponseCode());
            Certificate[] served = c.getServerCertificates();
            assertEquals("HTTPS answers with the generated certificate", generated, served[0]);
            try (InputStream in = c.getInputStream()) {
                assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"username\":\"admin\""));
            }
            HttpsURLConnection login = https(d, API + "/sessions", generated);
            login.setRequestMethod("POST");
            login.setDoOutput(true);
            login.setRequestProperty("Content-Type", "application/json");
            login.getOutputStream().write(Http.JSON.writeValueAsBytes(Map.of("username", "admin", "password",
                d.adminPassword())));
            assertEquals(201, login.getResponseCode());
            String cookie = login.getHeaderField("Set-Cookie");
            assertTrue("a session over HTTPS gets a Secure cookie: " + cookie, cookie.contains("; Secure"));

            // a veth pair, because this kernel may lack the dummy driver; only its address is used, and traffic to a
            // local address never leaves the host
            Distribution.run(d.home(), Duration.ofSeconds(10), "ip", "link", "add", DUMMY, "type", "veth", "peer",
                "name", DUMMY + "p");
            try {
                Distribution.run(d.home(), Duration.ofSeconds(10), "ip", "addr", "add", OTHER + "/32", "dev", DUMMY);
                Distribution.run(d.home(), Duration.ofSeconds(10), "ip", "link", "set", DUMMY, "up");
                Http local = new Http(d.httpPort(), null, null, "127.0.0.1");
                Http remote = new Http(d.httpPort(), null, null, OTHER);
                assertEquals(200, local.get(API + "/openapi.json").status());
                Http.Response page = remote.get(API + "/openapi.json");
                assertEquals(page.toString(), 308, page.status());
                assertEquals("https://127.0.0.1:" + d.httpsPort() + API + "/openapi.json", page.headers().get("location"));
                Http.Response change = remote.as("admin", d.adminPassword()).post(API + "/accounts",
                    Map.of("type", "operator", "name", "Never"));
                assertEquals(change.toString(), 403, change.status());
                assertTrue(change.body().startsWith("Plain HTTP is not served to this address"));
            } finally {
                Distribution.run(d.home(), Duration.ofSeconds(10), "ip", "link", "del", DUMMY);
            }
            assertEquals("the refused request changed nothing", 0, d.admin().get(API + "/accounts?search=Never")
                .json().get("total").asLong());

            d.stop();
            d.start();
            d.awaitRest(Duration.ofMinutes(3));
            assertEquals("a restart keeps the certificate", generated, certificate(keystore));
            HttpsURLConnection again = https(d, API + "/openapi.json", generated);
            assertEquals(200, again.getResponseCode());
            assertEquals(generated, again.getServerCertificates()[0]);
        }
    }

    private static X509Certificate certificate(Path keystore) throws Exception {
        String password = Files.readString(keystore.resolveSibling("mtm-https.p12.password")).strip();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password.toCharArray());
        }
        return (X509Certificate) ks.getCertificate("mtm");
    }

    /** A connection that trusts exactly {@code cert}, and checks the host name against it. */
    private static HttpsURLConnection https(Distribution d, String path, X509Certificate cert) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("mtm", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpsURLConnection c = (HttpsURLConnection) new URL("https://localhost:" + d.httpsPort() + path).openConnection();
        c.setSSLSocketFactory(ctx.getSocketFactory());
        c.setConnectTimeout(10_000);
        c.setReadTimeout(30_000);
        return c;
    }
}
