package org.mtmanager.portal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

public class AssetsTest {
    private final Assets assets = new Assets(AssetsTest.class.getClassLoader(), "portal/");

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
        assertEquals(a.etag(), new Assets(AssetsTest.class.getClassLoader(), "portal/").find("/index.html").orElseThrow().etag());
    }

    /** The page's CSP forbids inline code, so the page must have none; every module it loads must exist. */
    @Test
    public void thePageHasNoInlineCodeAndEveryModuleItImportsIsServed() {
        String page = Assets.text(assets.find("/").orElseThrow());
        assertFalse(page, page.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"));
        assertFalse(page, page.matches("(?s).*\\son[a-z]+=.*"));
        assertFalse(page, page.contains("style=\""));
        assertTrue("the page starts the app through its loader", page.contains("<script src=\"js/boot.js\"></script>"));
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
