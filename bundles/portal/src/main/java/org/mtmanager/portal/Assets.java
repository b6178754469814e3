package org.mtmanager.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The portal's files, read once from the bundle and kept in memory (they are a few tens of kilobytes), each also
 * gzipped when it is text. Only plain names with a known extension are served, so a request can never reach a
 * class file or walk out of the folder.
 *
 * <p>The files' {@link #version() version} is a digest of all of them: a page names its files under
 * {@code v/VERSION/}, so that a browser may keep them for good (a new release has another version, hence other
 * URLs), while the page itself is asked for again on every load.
 */
final class Assets {

    /** One file, as it is and gzipped (null for a type that does not compress), with its strong ETag. */
    record Asset(String path, byte[] bytes, byte[] gzipped, String contentType, String etag) {
    }

    private static final Pattern SAFE = Pattern.compile("([a-z0-9_-]+/)*[a-z0-9_.-]+\\.[a-z0-9]+");
    private static final Pattern VERSIONED = Pattern.compile("v/([0-9a-f]{1,64})/(.+)");
    /** A page's links to files of its own folder: not to another site, an absolute path, an anchor or a data URL. */
    private static final Pattern OWN_LINK = Pattern.compile("\\b(href|src)=\"(?![a-z]+:|/|#|v/)([a-z0-9_/.-]+\\.[a-z0-9]+)\"");
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8",
        "json", "application/json; charset=utf-8",
        "svg", "image/svg+xml",
        "png", "image/png",
        "ico", "image/x-icon");
    private static final Set<String> COMPRESSED = Set.of("html", "js", "css", "json", "svg");

    private final ClassLoader loader;
    private final String root;
    private final String version;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /** The files under {@code root}, whose paths (relative to it) are {@code files}. */
    Assets(ClassLoader loader, String root, Collection<String> files) {
        this.loader = loader;
        this.root = root;
        MessageDigest all = sha256();
        for (String f : new TreeSet<>(files)) {
            byte[] bytes = read(f);
            if (bytes != null) {
                all.update((f + "\n" + sha256(bytes) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        this.version = HexFormat.of().formatHex(all.digest()).substring(0, 16);
    }

    /** The digest of every file, as the page's links carry it. */
    String version() {
        return version;
    }

    /** Whether a path names a file under this release's version, which never changes and may be kept for good. */
    boolean isCurrentVersion(String path) {
        Matcher m = VERSIONED.matcher(strip(path));
        return m.matches() && m.group(1).equals(version);
    }

    /**
     * The file at a path under the portal ("" and "/" are the page itself), with or without a version in front
     * (an older one too: a page loaded just before an upgrade still gets files); empty for anything else.
     */
    Optional<Asset> find(String path) {
        String p = strip(path);
        Matcher m = VERSIONED.matcher(p);
        if (m.matches()) {
            p = m.group(2);
        }
        if (!SAFE.matcher(p).matches() || p.contains("..")) {
            return Optional.empty();
        }
        String ext = p.substring(p.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        if (type == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(p, k -> load(k, ext, type));
    }

    private static String strip(String path) {
        return path == null || path.isEmpty() || "/".equals(path) ? "index.html" : path.startsWith("/") ? path.substring(1) : path;
    }

    private Optional<Asset> load(String p, String ext, String type) {
        byte[] bytes = read(p);
        if (bytes == null) {
            return Optional.empty();
        }
        if ("html".equals(ext)) {
            bytes = OWN_LINK.matcher(new String(bytes, StandardCharsets.UTF_8))
                .replaceAll("$1=\"v/" + version + "/$2\"").getBytes(StandardCharsets.UTF_8);
        }
        byte[] gzipped = COMPRESSED.contains(ext) ? gzip(bytes) : null;
        return Optional.of(new Asset(p, bytes, gzipped, type, "\"" + sha256(bytes).substring(0, 16) + "\""));
    }

    private byte[] read(String p) {
        try (InputStream in = loader.getResourceAsStream(root + p)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Asset a) {
        return new String(a.bytes(), StandardCharsets.UTF_8);
    }
}
