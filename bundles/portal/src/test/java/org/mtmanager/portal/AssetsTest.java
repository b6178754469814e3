package org.mtmanager.portal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.Test;

public class AssetsTest {
    private final Assets assets = assets();

    /** The portal as the bundle holds it: every file of its folder. */
    static Assets assets() {
        try {
            Path root = Path.of(AssetsTest.class.getClassLoader().getResource("portal/index.html").toURI()).getParent();
            try (Stream<Path> all = Files.walk(root)) {
                List<String> files = all.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).toList();
                return new Assets(AssetsTest.class.getClassLoader(), "portal/", files);
            }
        } catch (IOException | URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void thePageNamesItsFilesUnderTheVersionOfAllOfThem() {
        String version = assets.version();
        assertTrue(version, version.matches("[0-9a-f]{16}"));
        String page = Assets.text(assets.find("/").orElseThrow());
        assertTrue(page, page.contains("<script src=\"v/" + version + "/js/boot.js\"></script>"));
        assertTrue(page, page.contains("href=\"v/" + version + "/css/portal.css\""));
        assertTrue(page, page.contains("href=\"v/" + version + "/favicon.svg\""));
        assertTrue(assets.isCurrentVersion("/v/" + version + "/js/main.js"));
        assertFalse("an older release's files are served, but not to be kept", assets.isCurrentVersion("/v/0123456789abcdef/js/main.js"));
        assertFalse(assets.isCurrentVersion("/js/main.js"));
        assertFalse(assets.isCurrentVersion("/"));
        assertEquals(assets.find("/js/main.js"), assets.find("/v/" + version + "/js/main.js"));
        assertEquals(assets.find("/js/main.js"), assets.find("/v/0123456789abcdef/js/main.js"));
        assertFalse(assets.find("/v/" + version + "/../index.html").isPresent());
        // Another file's content is another release.
        List<String> fewer = List.of("index.html", "js/boot.js");
        assertFalse(version.equals(new Assets(AssetsTest.class.getClassLoader(), "portal/", fewer).version()));
        assertEquals(new Assets(AssetsTest.class.getClassLoader(), "portal/", fewer).version(),
            new Assets(AssetsTest.class.getClassLoader(), "portal/", List.of("js/boot.js", "index.html")).version());
    }

    @Test
    public void textIsGzippedAndImagesAreNot() throws IOException {
        Assets.Asset main = assets.find("/js/main.js").orElseThrow();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(main.gzipped()))) {
            assertArrayEquals(main.bytes(), in.readAllBytes());
        }
        assertTrue(main.gzipped().length < main.bytes().length / 2);
        assertTrue(assets.find("/").orElseThrow().gzipped() != null);
        assertTrue(PortalServlet.acceptsGzip("gzip, deflate, br"));
        assertTrue(PortalServlet.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(PortalServlet.acceptsGzip("*"));
        assertFalse(PortalServlet.acceptsGzip(null));
        assertFalse(PortalServlet.acceptsGzip("identity"));
        assertFalse(PortalServlet.acceptsGzip("gzip;q=0"));
        assertFalse(PortalServlet.acceptsGzip("deflate, gzip; q=0.000"));
    }

    @Test
    public void theFolderIsThePage() {
        Assets.Asset page = assets.find("/").orElseThrow();
        assertEquals("index.html", page.path());
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertEquals(page, assets.find("").orElseThrow());
        assertTrue(Assets.text(page).contains("<html"));
    }

    @Test
    public void onlyPlainNamesWithAKnownTypeAreServed() {
        assertEquals("text/javascript; charset=utf-8", assets.find("/js/main.js").orElseThrow().contentType());
        for (String bad : new String[] {"/../org/mtmanager/portal/Assets.class", "/js/../index.html", "/%2e%2e/x.js",
            "/org/mtmanager/portal/Assets.class", "/js/Main.JS", "/index.html/", "//etc/passwd", "/js/missing.js", "/README"}) {
            assertFalse(bad, assets.find(bad).isPresent());
        }
    }

    @Test
    public void theEtagFollowsTheContent() {
        Assets.Asset a = assets.find("/index.html").orElseThrow();
        assertTrue(a.etag(), a.etag().matches("\"[0-9a-f]{16}\""));
        assertEquals(a.etag(), assets().find("/index.html").orElseThrow().etag());
    }

    /** The page's CSP forbids inline code, so the page must have none; every module it loads must exist. */
    @Test
    public void thePageHasNoInlineCodeAndEveryModuleItImportsIsServed() {
        String page = Assets.text(assets.find("/").orElseThrow());
        assertFalse(page, page.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"));
        assertFalse(page, page.matches("(?s).*\\son[a-z]+=.*"));
        assertFalse(page, page.contains("style=\""));
        assertTrue("the page starts the app through its loader", page.contains("/js/boot.js\"></script>"));
        assertTrue(Assets.text(assets.find("/js/boot.js").orElseThrow()).contains("import('./main.js')"));
        Pattern imports = Pattern.compile("from '\\./([a-z/-]+\\.js)'");
        for (String module : new String[] {"js/boot.js", "js/main.js"}) {
            checkImports(module, imports, 0);
        }
    }

    private void checkImports(String module, Pattern imports, int depth) {
        String src = Assets.text(assets.find(module).orElseThrow(() -> new AssertionError("missing " + module)));
        assertFalse(module + " has no remote URL", src.contains("http://") || src.contains("https://"));
        if (depth > 3) {
            return;
        }
        Matcher m = imports.matcher(src);
        String dir = module.substring(0, module.lastIndexOf('/') + 1);
        while (m.find()) {
            checkImports(dir + m.group(1), imports, depth + 1);
        }
    }
}
