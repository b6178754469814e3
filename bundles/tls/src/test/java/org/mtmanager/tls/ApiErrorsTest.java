package org.mtmanager.tls;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerCollection;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** A Jetty server on loopback with {@link ApiErrors} among its handlers, as Pax Web starts it. */
public class ApiErrorsTest {
    private Server server;
    private int port;

    @Before
    public void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new HandlerCollection(new ApiErrors()));
        server.start();
        port = connector.getLocalPort();
    }

    @After
    public void stop() throws Exception {
        server.stop();
    }

    @Test
    public void whatJettyRefusesUnderTheApiPathIsTheApiErrorDocument() throws IOException {
        String tooLong = send("GET /mtm/api/v1/accounts/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(tooLong, tooLong.startsWith("HTTP/1.1 414 "));
        assertTrue(tooLong, tooLong.contains("Content-Type: application/json"));
        assertTrue(tooLong, tooLong.endsWith(
            "{\"error\":\"MALFORMED_REQUEST\",\"message\":\"the request line is too long\",\"field\":null}"));

        String headers = send("GET /mtm/api/v1/accounts HTTP/1.1\r\nHost: x\r\nX-P: " + "p".repeat(20_000) + "\r\n\r\n");
        assertTrue(headers, headers.startsWith("HTTP/1.1 431 "));
        assertTrue(headers, headers.endsWith("\"message\":\"the request headers are too large\",\"field\":null}"));

        String version = send("GET /mtm/api/v1/accounts HTTP/7.1\r\nHost: x\r\n\r\n");
        assertTrue(version, version.contains("\"error\":\"MALFORMED_REQUEST\""));

        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            String encoding = send(method + " /mtm/api/v1/accounts/%zz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertTrue(encoding, encoding.startsWith("HTTP/1.1 400 "));
            assertTrue(encoding, encoding.contains("\"error\":\"MALFORMED_REQUEST\""));
            assertFalse(encoding, body(encoding).toLowerCase(Locale.ROOT).contains("jetty"));
        }
    }

    @Test
    public void elsewhereJettysOwnAnswerStays() throws IOException {
        String portal = send("GET /mtm/portal/ HTTP/1.1\r\nHost: x\r\nX-P: " + "p".repeat(20_000) + "\r\n\r\n");
        assertTrue(portal, portal.startsWith("HTTP/1.1 431 "));
        assertFalse(portal, portal.contains("application/json"));
        assertFalse(ApiErrorHandler.forApi("/mtm/apix"));
        assertTrue(ApiErrorHandler.forApi("/mtm/api"));
        assertTrue("no path read at all", ApiErrorHandler.forApi(null));
    }

    @Test
    public void theServerKeepsItWhenItIsRestarted() throws Exception {
        server.stop();
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        assertEquals(ApiErrorHandler.class, server.getErrorHandler().getClass());
        assertTrue(send("GET /mtm/api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n").contains("MALFORMED_REQUEST"));
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private String send(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
