package org.mtmanager.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A minimal HTTP/1.1 client over a plain socket, so a test can choose the client's source address on loopback
 * (127.0.0.2 is "another IP" to the server). Used for every REST and SOAP call of the itests.
 */
public final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, headers (lower-case names) and body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }

    private final int port;
    private final String user;
    private final String password;
    private final String sourceIp;
    private final String idempotencyKey;
    private final String accept;
    private Map<String, String> extraHeaders = Map.of();

    public Http(int port, String user, String password, String sourceIp) {
        this(port, user, password, sourceIp, null);
    }

    private Http(int port, String user, String password, String sourceIp, String idempotencyKey) {
        this(port, user, password, sourceIp, idempotencyKey, "*/*");
    }

    private Http(int port, String user, String password, String sourceIp, String idempotencyKey, String accept) {
        this.accept = accept;
        this.port = port;
        this.user = user;
        this.password = password;
        this.sourceIp = sourceIp;
        this.idempotencyKey = idempotencyKey;
    }

    /** The same client, sending an Idempotency-Key header. */
    public Http withKey(String key) {
        return new Http(port, user, password, sourceIp, key);
    }

    /** The same client, asking for another media type (e.g. text/csv). */
    public Http accepting(String mediaType) {
        return new Http(port, user, password, sourceIp, idempotencyKey, mediaType);
    }

    /** The same client, sending one more header (an empty value removes it; null user and password: no Basic). */
    public Http withHeader(String name, String value) {
        Http h = new Http(port, user, password, sourceIp, idempotencyKey, accept);
        Map<String, String> m = new LinkedHashMap<>(extraHeaders);
        if (value == null || value.isEmpty()) {
            m.remove(name);
        } else {
            m.put(name, value);
        }
        h.extraHeaders = m;
        return h;
    }

    /** The same client as another user, keeping its extra headers. */
    public Http as(String newUser, String newPassword) {
        Http h = new Http(port, newUser, newPassword, sourceIp);
        h.extraHeaders = extraHeaders;
        return h;
    }

    /** The same client from another address, keeping its extra headers. */
    public Http from(String newSourceIp) {
        Http h = new Http(port, user, password, newSourceIp);
        h.extraHeaders = extraHeaders;
        return h;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, Object json) {
        return send("POST", path, "application/json", body(json));
    }

    public Response put(String path, Object json) {
        return send("PUT", path, "application/json", body(json));
    }

    public Response patch(String path, Object json) {
        return send("PATCH", path, "application/json", body(json));
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    private static String body(Object json) {
        try {
            return json instanceof String s ? s : JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Response send(String method, String path, String contentType, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
            .append("Host: 127.0.0.1:").append(port).append("\r\n")
            .append("Connection: close\r\n")
            .append("Accept: ").append(accept).append("\r\n");
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            head.append("Authorization: Basic ").append(token).append("\r\n");
        }
        extraHeaders.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (idempotencyKey != null) {
            head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        head.append("\r\n");
        return exchange(method + " " + path, head.toString(), payload);
    }

    /** Sends {@code request} exactly as given (request line, headers, blank line, body), for what no client sends. */
    public Response raw(String request) {
        return exchange(request.lines().findFirst().orElse(""), request, new byte[0]);
    }

    private Response exchange(String what, String head, byte[] payload) {
        try (Socket s = new Socket()) {
            s.setSoTimeout(30_000);
            s.bind(new InetSocketAddress(InetAddress.getByName(sourceIp), 0));
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
            if (s.getLocalPort() == port && s.getLocalAddress().equals(s.getInetAddress())) {
                // TCP self-connect: nothing listens yet on a port from the ephemeral range, and the kernel gave
                // the client that very port, so the socket talks to itself
                throw new IOException("connected to itself on port " + port + ": nothing listens there yet");
            }
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return read(s.getInputStream());
        } catch (IOException e) {
            String shown = what.length() > 200 ? what.substring(0, 200) + "..." : what;
            throw new AssertionError(shown + " failed: " + e, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String status = line(in);
        if (!status.matches("HTTP/\\d\\.\\d \\d{3}( .*)?")) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(code, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
