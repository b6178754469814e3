package org.mtmanager.hypervisor.libvirt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny bootable PBX stand-in image, written by the test itself (no cpio tool needed): the host's busybox with
 * its libraries, a console device, and an init that reports the machine's identity from the kernel command line
 * on the serial console, then idles. The newc cpio format is the kernel's initramfs format.
 */
final class Initramfs {
    static final String INIT = """
        #!/bin/sh
        /bin/busybox mount -t proc proc /proc
        for a in $(/bin/busybox cat /proc/cmdline); do
          case "$a" in
            mtm.serial=*) serial="${a#mtm.serial=}" ;;
            mtm.version=*) version="${a#mtm.version=}" ;;
            mtm.extensions=*) extensions="${a#mtm.extensions=}" ;;
          esac
        done
        echo "MT PBX $version on $serial ($extensions extensions) is up"
        while true; do /bin/busybox sleep 3600; done
        """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int inode = 1;

    private Initramfs() {
    }

    /** Writes the image, gzipped, to {@code file}. */
    static void write(Path file) throws IOException, InterruptedException {
        Initramfs i = new Initramfs();
        for (String dir : List.of("bin", "dev", "proc", "lib", "lib64", "lib/x86_64-linux-gnu")) {
            i.entry(dir, 0040755, new byte[0], 0, 0);
        }
        i.entry("dev/console", 0020600, new byte[0], 5, 1);
        i.entry("bin/busybox", 0100755, Files.readAllBytes(Path.of("/usr/bin/busybox")), 0, 0);
        i.entry("bin/sh", 0120777, "busybox".getBytes(StandardCharsets.US_ASCII), 0, 0);
        for (String lib : libraries("/usr/bin/busybox")) {
            i.entry(lib.substring(1), 0100755, Files.readAllBytes(Path.of(lib)), 0, 0);
        }
        i.entry("init", 0100755, INIT.getBytes(StandardCharsets.US_ASCII), 0, 0);
        i.entry("TRAILER!!!", 0, new byte[0], 0, 0);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(i.out.toByteArray());
        }
    }

    /** The shared libraries a binary loads, as ldd lists them, by their absolute paths as the loader asks for them. */
    private static Set<String> libraries(String binary) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ldd", binary).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Set<String> libs = new LinkedHashSet<>();
        for (String line : text.lines().toList()) {
            String l = line.strip();
            if (l.contains("=> /")) {
                libs.add(l.substring(l.indexOf("=> ") + 3, l.indexOf(" (")));
            } else if (l.startsWith("/")) {
                libs.add(l.substring(0, l.indexOf(" (")));
            }
        }
        return libs;
    }

    private void entry(String name, int mode, byte[] data, int rdevMajor, int rdevMinor) throws IOException {
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        String header = "070701" + hex(name.equals("TRAILER!!!") ? 0 : inode++) + hex(mode) + hex(0) + hex(0)
            + hex((mode & 0040000) != 0 ? 2 : 1) + hex(0) + hex(data.length) + hex(0) + hex(0) + hex(rdevMajor)
            + hex(rdevMinor) + hex(nameBytes.length) + hex(0);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(nameBytes);
        pad();
        out.write(data);
        pad();
    }

    private void pad() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }

    private static String hex(long v) {
        return String.format("%08x", v);
    }
}
