package org.mtmanager.portal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/** Both languages say everything the pages ask for; a missing text would show up as its key. */
public class MessagesTest {
    private static final String[] MODULES = {"main.js", "api.js", "i18n.js", "ui.js", "actions.js", "view-login.js",
        "view-home.js", "view-machine.js", "view-access.js", "view-create.js", "view-settings.js", "view-dids.js",
        "view-reports.js", "view-logs.js", "view-security.js"};

    @Test
    public void englishAndSpanishHaveTheSameKeysAndEveryKeyTheCodeUses() throws IOException {
        Set<String> en = keys(read("js/messages-en.js"));
        Set<String> spanish = keys(read("js/messages-es.js"));
        assertEquals(en, spanish);
        Set<String> used = new TreeSet<>();
        Pattern call = Pattern.compile("\\bt\\('([A-Za-z0-9_.]+)'");
        // A count's text comes in the language's plural forms: both languages have one and other.
        Pattern count = Pattern.compile("\\btn\\('([A-Za-z0-9_.]+)'");
        for (String m : MODULES) {
            String src = read("js/" + m);
            Matcher x = call.matcher(src);
            while (x.find()) {
                used.add(x.group(1));
            }
            Matcher n = count.matcher(src);
            while (n.find()) {
                used.add(n.group(1) + ".one");
                used.add(n.group(1) + ".other");
            }
        }
        Matcher attr = Pattern.compile("data-i18n=\"([^\"]+)\"").matcher(read("index.html"));
        while (attr.find()) {
            used.add(attr.group(1));
        }
        used.removeIf(k -> k.endsWith("."));
        used.removeAll(en);
        assertTrue("texts missing: " + used, used.isEmpty());
        for (String family : new String[] {"state.CREATING", "state.RUNNING", "state.STOPPED", "state.DELETED", "state.ERROR",
            "jobstate.FAILED", "job.UPGRADE", "err.IP_NOT_ALLOWED", "err.REAUTHENTICATION_REQUIRED", "approval.PENDING",
            "act.upgrade", "grant.PENDING", "svc.provisioning", "licence.PER_USER", "kind.distributor", "outcome.DENIED",
            "action.machine.app-activate", "action.machine.upgrade", "action.whitelist.add", "date.format.date"}) {
            assertTrue(family, en.contains(family));
        }
    }

    private static Set<String> keys(String block) {
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^  '([^']+)': ").matcher(block);
        while (m.find()) {
            assertTrue("twice: " + m.group(1), keys.add(m.group(1)));
        }
        return keys;
    }

    private static String read(String path) throws IOException {
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream("portal/" + path)) {
            if (in == null) {
                throw new AssertionError("missing portal/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
