package org.mtmanager.sipedge.kamailio;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mtmanager.spi.sipedge.EdgeException;
import org.mtmanager.spi.sipedge.EdgeSettings;

/**
 * The edge's Kamailio configuration, rendered from the template (property {@code template}, by default {@code
 * etc/sip-edge-kamailio.cfg.template}) with the settings filled in between double braces.
 */
final class EdgeConfig {
    static final String TEMPLATE_PROPERTY = "template";
    static final String DEFAULT_TEMPLATE = "sip-edge-kamailio.cfg.template";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");
    /** An address no packet comes from: is_in_subnet with nothing to admit. */
    static final String NOBODY = "0.0.0.0/32";

    private EdgeConfig() {
    }

    /** The template's path: the configured one, else the one in Karaf's etc/. */
    static Path template(EdgeSettings s) {
        String configured = s.properties().getOrDefault(TEMPLATE_PROPERTY, "").strip();
        if (!configured.isEmpty()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("karaf.etc", "etc"), DEFAULT_TEMPLATE);
    }

    /** The rendered configuration; the table's database is the folder {@code db}. */
    static String render(EdgeSettings s, Path db) throws EdgeException {
        Path template = template(s);
        String text;
        try {
            text = Files.readString(template, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EdgeException("the SIP edge's Kamailio template " + template + " cannot be read (" + e.getMessage() + ")");
        }
        Map<String, String> values = Map.of(
            "logPrefix", "mtm-sip-edge: ",
            "listen", String.join("\n", listen(s)),
            "controlPort", Integer.toString(s.controlPort()),
            "db", db.toAbsolutePath().toString(),
            "floodLimit", Integer.toString(s.floodLimit()),
            "internalNetwork", s.internalNetwork().isEmpty() ? NOBODY : s.internalNetwork(),
            "machinePort", Integer.toString(s.machinePort()));
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 512);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new EdgeException("the SIP edge's Kamailio template " + template + " names an unknown value {{" + m.group(1)
                    + "}}; known: " + String.join(", ", values.keySet().stream().sorted().toList()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One UDP and one TCP socket on each carriers' address and on the internal address. */
    static List<String> listen(EdgeSettings s) throws EdgeException {
        Set<String> addresses = new LinkedHashSet<>(s.sipAddresses().isEmpty() ? localAddresses() : s.sipAddresses());
        if (!s.internalAddress().isEmpty()) {
            addresses.add(s.internalAddress());
        }
        List<String> lines = new ArrayList<>();
        for (String a : addresses) {
            String host = a.indexOf(':') >= 0 ? "[" + a + "]" : a;
            lines.add("listen=udp:" + host + ":" + s.sipPort());
            lines.add("listen=tcp:" + host + ":" + s.sipPort());
        }
        return lines;
    }

    /** Every IPv4 address of this server's interfaces that are up, loopback included. */
    static List<String> localAddresses() throws EdgeException {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    nic.inetAddresses().filter(Inet4Address.class::isInstance).map(a -> a.getHostAddress()).forEach(out::add);
                }
            }
        } catch (SocketException e) {
            throw new EdgeException("this server's addresses cannot be read: " + e.getMessage());
        }
        return out;
    }
}
