package org.mtmanager.sipedge.kamailio;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.mtmanager.spi.sipedge.EdgeException;

/**
 * Kamailio's JSON-RPC (jsonrpcs over xhttp) on the edge's loopback control port: one request per call, on a kept-alive
 * connection. Kamailio's jsonrpcs takes no batches, so a change of many routes is many calls (a full load instead
 * reads the table from its file in one).
 */
final class JsonRpc {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;

    JsonRpc(int port) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/RPC");
    }

    /** The call's result (a map, a list, a string or a number); an EdgeException with Kamailio's error otherwise. */
    Object call(String method, String... params) throws EdgeException {
        String body = "{\"jsonrpc\":\"2.0\",\"method\":" + Json.quote(method) + ",\"params\":["
            + Stream.of(params).map(Json::quote).collect(Collectors.joining(",")) + "],\"id\":1}";
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Unreachable("the SIP edge does not answer on its control port " + uri.getPort());
        } catch (IOException e) {
            throw new Unreachable("the SIP edge's control port " + uri.getPort() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EdgeException("interrupted while calling the SIP edge");
        }
        Object answer;
        try {
            answer = Json.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw new EdgeException("the SIP edge answered " + method + " with HTTP " + response.statusCode() + " and no JSON-RPC");
        }
        if (!(answer instanceof Map<?, ?> m)) {
            throw new EdgeException("the SIP edge answered " + method + " with " + response.body());
        }
        if (m.get("error") instanceof Map<?, ?> error) {
            throw new EdgeException("the SIP edge refused " + method + ": " + error.get("message"));
        }
        return m.get("result");
    }

    /** The edge does not answer at all (not started, or gone). */
    static final class Unreachable extends EdgeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }
}
