package org.mtmanager.hypervisor.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether this host can run containers at all: root, network namespaces, and the tools of the driver and of the
 * PBX stand-in. Each problem names its remedy, so that the operator reads what to do, not a stack trace.
 */
final class Preflight {
    private static final List<String[]> TOOLS = List.of(
        new String[] {"ip", "iproute2"}, new String[] {"unshare", "util-linux"}, new String[] {"setsid", "util-linux"},
        new String[] {"busybox", "busybox"}, new String[] {"dropbear", "dropbear-bin"},
        new String[] {"dropbearkey", "dropbear-bin"}, new String[] {"kamailio", "kamailio"});

    private Preflight() {
    }

    static List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!isRoot()) {
            problems.add("the container driver needs root (it makes network namespaces and bridges); run the server as root or use another driver");
        }
        if (!Files.exists(Path.of("/proc/self/ns/net"))) {
            problems.add("this kernel has no network namespaces");
        }
        List<String> missing = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        for (String[] tool : TOOLS) {
            if (Commands.find(tool[0]).isEmpty()) {
                missing.add(tool[0]);
                if (!packages.contains(tool[1])) {
                    packages.add(tool[1]);
                }
            }
        }
        if (!missing.isEmpty()) {
            problems.add(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not installed (apt-get install -y "
                + String.join(" ", packages) + ", or run bin/mtm-host-setup)");
        }
        return problems;
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
