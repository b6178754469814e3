package org.mtmanager.firewall.nftables;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;
import org.mtmanager.spi.firewall.Commands;
import org.mtmanager.spi.firewall.FirewallException;
import org.mtmanager.spi.firewall.FirewallSettings;
import org.mtmanager.spi.firewall.Policy;

/** The long-lived {@code nft -i}: a dead, wedged or stranded process never costs a change. In a namespace of its own. */
public class NftShellTest {
    private final String ns = "mtmfw-" + UUID.randomUUID().toString().substring(0, 6) + "-sh";
    private NftShell shell;

    @Before
    public void namespace() throws Exception {
        Assume.assumeTrue("needs root and nft", Commands.tool("nft") != null && Files.isWritable(Path.of("/run")));
        sh("ip", "netns", "add", ns);
    }

    @After
    public void cleanUp() throws Exception {
        if (shell != null) {
            shell.close();
        }
        if (Files.exists(Path.of("/run/netns", ns))) {
            sh("ip", "netns", "del", ns);
        }
    }

    @Test
    public void changesAreTransactionsAndErrorsAreReported() throws Exception {
        shell = new NftShell(ns, 5_000);
        shell.run("add table inet t; add set inet t s { type ipv4_addr; }");
        shell.run("add element inet t s { 198.18.1.2 }");
        long pid = shell.pid();
        try {
            shell.run("add element inet t s { 198.18.1.3 }; add element inet t nosuch { 198.18.1.4 }");
            fail("an unknown set is nft's error");
        } catch (FirewallException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("nosuch"));
            assertTrue("nft's verdict, not the shell's failure", !(e instanceof NftShell.Unavailable));
        }
        String set = sh("ip", "netns", "exec", ns, "nft", "list", "set", "inet", "t", "s");
        assertTrue(set.contains("198.18.1.2"));
        assertTrue("the failed line changed nothing", !set.contains("198.18.1.3"));
        assertEquals("one process for all of it", pid, shell.pid());
    }

    @Test
    public void aKilledProcessIsReplacedAndTheChangeGoesThrough() throws Exception {
        shell = new NftShell(ns, 5_000);
        shell.run("add table inet t");
        long pid = shell.pid();
        ProcessHandle nft = ProcessHandle.of(pid).orElseThrow();
        nft.destroyForcibly();
        nft.onExit().get(5, TimeUnit.SECONDS);
        shell.run("add table inet u");
        assertNotEquals(pid, shell.pid());
        assertTrue(sh("ip", "netns", "exec", ns, "nft", "list", "tables").contains("table inet u"));
    }

    @Test
    public void aWedgedProcessTimesOutAndIsStopped() throws Exception {
        shell = new NftShell(ns, 300);
        shell.run("add table inet t");
        long pid = shell.pid();
        sh("kill", "-STOP", Long.toString(pid));
        long t0 = System.nanoTime();
        try {
            shell.run("add table inet u");
            fail("a stopped nft cannot answer");
        } catch (NftShell.Unavailable e) {
            assertTrue(e.getMessage(), e.getMessage().contains("did not answer"));
        }
        assertTrue("within about its timeout", System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3));
        assertTrue("the wedged process is gone", ProcessHandle.of(pid).map(h -> h.onExit().orTimeout(5, TimeUnit.SECONDS).join())
            .map(h -> !h.isAlive()).orElse(true));
        shell.run("add table inet v");
        assertTrue(sh("ip", "netns", "exec", ns, "nft", "list", "tables").contains("table inet v"));
    }

    @Test
    public void aNamespaceMadeAgainUnderTheSameNameGetsTheChange() throws Exception {
        shell = new NftShell(ns, 5_000);
        shell.run("add table inet old");
        sh("ip", "netns", "del", ns);
        sh("ip", "netns", "add", ns);
        shell.run("add table inet fresh");
        assertTrue("not lost in the old namespace, which only the old nft kept alive",
            sh("ip", "netns", "exec", ns, "nft", "list", "tables").contains("table inet fresh"));
    }

    @Test
    public void theBackendFallsBackToAProcessOfItsOwnWhenItsShellIsWedged() throws Exception {
        NftablesBackend backend = new NftablesBackend();
        FirewallSettings s = new FirewallSettings("198.18.0.1", "10.77.0.0/24", "", ns, Map.of("nftTimeoutMillis", "300"));
        backend.apply(s, Policy.EMPTY);
        Policy.Allow allow = new Policy.Allow("198.18.1.2/32", "10.77.0.10", "tcp", 22);
        backend.add(s, Policy.of(List.of(), List.of(allow)));
        shell = backend.shell(s);
        sh("kill", "-STOP", Long.toString(shell.pid()));
        Policy.Allow next = new Policy.Allow("198.18.1.3/32", "10.77.0.10", "tcp", 22);
        backend.add(s, Policy.of(List.of(), List.of(next)));
        assertEquals(Policy.of(List.of(), List.of(allow, next)), backend.installed(s));
        backend.stop();
    }

    private static String sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
