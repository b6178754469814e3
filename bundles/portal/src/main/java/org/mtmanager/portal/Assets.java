package org.mtmanager.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The portal's files, read once from the bundle and kept in memory (they are a few tens of kilobytes). Only plain
 * names with a known extension are served, so a request can never reach a class file or walk out of the folder.
 */
final class Assets {

    /** One file, with the type and the strong ETag it is served with. */
    record Asset(String path, byte[] bytes, String contentType, String etag) {
    }

    private static final Pattern SAFE = Pattern.compile("([a-z0-9_-]+/)*[a-z0-9_.-]+\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8",
        "json", "application/json; charset=utf-8",
        "svg", "image/svg+xml",
        "png", "image/png",
        "ico", "image/x-icon");

    private final ClassLoader loader;
    private final String root;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    Assets(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    /** The file at a path under the portal ("" and "/" are the page itself); empty for anything else. */
    Optional<Asset> find(String path) {
        String p = path == null || path.isEmpty() || "/".equals(path) ? "index.html" : path.startsWith("/") ? path.substring(1) : path;
        if (!SAFE.matcher(p).matches() || p.contains("..")) {
            return Optional.empty();
        }
        String type = TYPES.get(p.substring(p.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(p, k -> load(k, type));
    }

    private Optional<Asset> load(String p, String type) {
        try (InputStream in = loader.getResourceAsStream(root + p)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(p, bytes, type, "\"" + sha256(bytes).substring(0, 16) + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Asset a) {
        return new String(a.bytes(), StandardCharsets.UTF_8);
    }
}
