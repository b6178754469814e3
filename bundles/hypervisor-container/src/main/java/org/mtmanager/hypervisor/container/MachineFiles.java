package org.mtmanager.hypervisor.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Properties;

import org.mtmanager.spi.hypervisor.MachineSpec;

/**
 * A machine's folder in the state directory: {@code machine.properties} (what the platform asked for) and the
 * payload rendered from it (the PID 1 script, the web root, the SIP configuration). Everything but the SSH host
 * key is rendered again from the properties, so a snapshot is a copy of that one file.
 */
final class MachineFiles {
    static final String PROPERTIES = "machine.properties";

    private MachineFiles() {
    }

    /** The properties of a machine's folder: id, hostname, version, ip, vcpu, memoryMb, diskGb, extensions, lines. */
    static Properties of(MachineSpec spec) {
        Properties p = new Properties();
        p.setProperty("id", spec.machineId());
        p.setProperty("hostname", spec.hostname());
        p.setProperty("version", spec.pbxVersion());
        p.setProperty("ip", spec.internalIp());
        p.setProperty("vcpu", Integer.toString(spec.vcpu()));
        p.setProperty("memoryMb", Integer.toString(spec.memoryMb()));
        p.setProperty("diskGb", Integer.toString(spec.diskGb()));
        p.setProperty("extensions", Integer.toString(spec.extensions()));
        p.setProperty("lines", Integer.toString(spec.lines()));
        return p;
    }

    static Properties read(Path dir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(PROPERTIES))) {
            p.load(in);
        }
        return p;
    }

    /** Writes the properties atomically (a crash leaves the old or the new file, never half of one). */
    static void write(Path dir, Properties p) throws IOException {
        Path tmp = dir.resolve(PROPERTIES + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "MT Manager container driver: what the platform asked for");
        }
        Files.move(tmp, dir.resolve(PROPERTIES), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Renders the payload from the properties: the PID 1 script, the web root and the Kamailio configuration. */
    static void render(Path dir, Properties p) throws IOException {
        String id = p.getProperty("id");
        String hostname = p.getProperty("hostname");
        String version = p.getProperty("version");
        String ip = p.getProperty("ip");
        String extensions = p.getProperty("extensions", "0");
        String lines = p.getProperty("lines", "0");
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.createDirectories(dir.resolve("run"));
        writeString(www.resolve("index.html"), "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html(hostname)
            + "</title></head>\n<body><h1>MT PBX " + html(version) + "</h1>\n<p>Machine <b id=\"hostname\">" + html(hostname)
            + "</b>, serial <b id=\"serial\">" + html(id) + "</b>, version <b id=\"version\">" + html(version)
            + "</b>.</p>\n<p>Prepared for <b id=\"extensions\">" + html(extensions) + "</b> extensions and <b id=\"lines\">"
            + html(lines) + "</b> lines.</p></body></html>\n");
        writeString(www.resolve("status.json"), "{\"serial\":\"" + json(id) + "\",\"hostname\":\"" + json(hostname)
            + "\",\"version\":\"" + json(version) + "\",\"ip\":\"" + json(ip) + "\",\"extensions\":" + Integer.parseInt(extensions)
            + ",\"lines\":" + Integer.parseInt(lines) + "}\n");
        writeString(dir.resolve("kamailio.cfg"), """
            #!KAMAILIO
            debug=1
            log_stderror=yes
            children=1
            tcp_children=1
            listen=udp:%1$s:5060
            listen=tcp:%1$s:5060
            server_header="Server: MT PBX %2$s (%3$s)"
            loadmodule "sl.so"
            loadmodule "pv.so"
            loadmodule "textops.so"
            # A stand-in PBX: it answers every call at once, naming itself (the machine's serial), so that whoever
            # calls can tell which machine answered; the firewall lets SIP reach it from the SIP edge alone.
            request_route {
                if (method == "OPTIONS") { sl_send_reply("200", "OK"); exit; }
                if (method == "INVITE") {
                    append_to_reply("Contact: <sip:pbx@%1$s:5060>\r\nX-MTM-Machine: %4$s\r\n");
                    sl_send_reply("200", "OK");
                    exit;
                }
                if (method == "ACK") { exit; }
                if (method == "BYE" || method == "CANCEL") { sl_send_reply("200", "OK"); exit; }
                sl_send_reply("403", "Forbidden");
            }
            """.formatted(ip, sipSafe(version), sipSafe(hostname), sipSafe(id)));
        String d = dir.toString();
        writeString(dir.resolve("init"), """
            #!/bin/sh
            # PID 1 of machine %1$s, written by MT Manager's container driver. Killing it ends the machine.
            hostname '%2$s'
            busybox httpd -f -p %3$s:80 -h '%4$s/www' &
            dropbear -F -E -s -p %3$s:22 -r '%4$s/ssh_host_key' &
            kamailio -DD -E -f '%4$s/kamailio.cfg' -m 16 -M 4 -Y '%4$s/run' &
            wait
            """.formatted(id, hostname, ip, d));
    }

    /** Copies the properties to a named snapshot. */
    static void snapshot(Path dir, String name) throws IOException {
        Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
        Files.copy(dir.resolve(PROPERTIES), snapshots.resolve(fileName(name)), StandardCopyOption.REPLACE_EXISTING);
    }

    static Properties snapshotOf(Path dir, String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("snapshots").resolve(fileName(name)))) {
            p.load(in);
        }
        return p;
    }

    private static String fileName(String snapshot) {
        return HexFormat.of().formatHex(snapshot.getBytes(StandardCharsets.UTF_8)) + ".properties";
    }

    private static void writeString(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Versions and hostnames are already validated by the platform; this keeps a header line intact regardless. */
    private static String sipSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
