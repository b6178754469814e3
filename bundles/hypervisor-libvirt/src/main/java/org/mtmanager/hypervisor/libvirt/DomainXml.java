package org.mtmanager.hypervisor.libvirt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mtmanager.spi.hypervisor.MachineSpec;

/** The domain definition of a machine, and reading the platform's metadata back from one. */
final class DomainXml {
    static final String PREFIX = "mtm-";
    static final String NS = "urn:mtmanager:machine:1";
    private static final Pattern VERSION = Pattern.compile("<mtm:machine[^>]*\\sversion=['\"]([^'\"]*)['\"]");
    private static final Pattern IP = Pattern.compile("<mtm:machine[^>]*\\sip=['\"]([^'\"]*)['\"]");

    private DomainXml() {
    }

    static String name(String machineId) {
        return PREFIX + machineId;
    }

    /**
     * How a host's domains boot, from its settings: a kernel and an initrd (direct kernel boot, the PBX image the
     * operator provides), and a folder for each domain's serial console log. All null for the test driver.
     */
    record Boot(String kernel, String initrd, String consoleDir) {
    }

    /**
     * @param domainType libvirt's domain type: {@code test} for the test driver, {@code qemu} for software
     *                   emulation, {@code kvm} where the host has it
     */
    static String of(MachineSpec spec, String domainType, String version, Boot boot) {
        StringBuilder os = new StringBuilder("<os><type arch='x86_64'>hvm</type>");
        String devices = "";
        if (boot.kernel() != null) {
            // The machine's identity reaches the image on its command line; the image reports it on the console.
            os.append("<kernel>").append(escape(boot.kernel())).append("</kernel>");
            if (boot.initrd() != null) {
                os.append("<initrd>").append(escape(boot.initrd())).append("</initrd>");
            }
            os.append("<cmdline>console=ttyS0 quiet mtm.serial=").append(escape(spec.machineId()))
                .append(" mtm.hostname=").append(escape(spec.hostname())).append(" mtm.version=").append(escape(version))
                .append(" mtm.ip=").append(escape(spec.internalIp() == null ? "" : spec.internalIp()))
                .append(" mtm.extensions=").append(spec.extensions()).append(" mtm.lines=").append(spec.lines())
                .append("</cmdline>");
        }
        os.append("</os>");
        if (boot.consoleDir() != null) {
            devices = "<devices><serial type='file'><source path='" + escape(boot.consoleDir() + "/" + name(spec.machineId()))
                + ".console' append='on'/><target port='0'/></serial></devices>";
        }
        return "<domain type='" + escape(domainType) + "'>"
            + "<name>" + escape(name(spec.machineId())) + "</name>"
            + "<memory unit='MiB'>" + spec.memoryMb() + "</memory>"
            + "<vcpu>" + spec.vcpu() + "</vcpu>"
            + "<metadata><mtm:machine xmlns:mtm='" + NS + "' hostname='" + escape(spec.hostname()) + "' version='"
            + escape(version) + "' ip='" + escape(spec.internalIp() == null ? "" : spec.internalIp()) + "' disk='"
            + spec.diskGb() + "' extensions='" + spec.extensions() + "' lines='" + spec.lines() + "'/></metadata>"
            + os
            + "<on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>destroy</on_crash>"
            + devices
            + "</domain>";
    }

    static String version(String xml) {
        Matcher m = VERSION.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    static String ip(String xml) {
        Matcher m = IP.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    /** The same definition with another PBX version, in its metadata and on the kernel command line. */
    static String withVersion(String xml, String version) {
        return xml.replaceFirst("(<mtm:machine[^>]*\\sversion=['\"])[^'\"]*(['\"])",
                "$1" + Matcher.quoteReplacement(escape(version)) + "$2")
            .replaceFirst("(<cmdline>[^<]*\\smtm\\.version=)[^\\s<]*", "$1" + Matcher.quoteReplacement(escape(version)));
    }

    /** The same definition with another size. */
    static String withSize(String xml, int vcpu, int memoryMb, int diskGb) {
        long kib = memoryMb * 1024L;
        return xml.replaceFirst("<memory[^>]*>\\d+</memory>", "<memory unit='KiB'>" + kib + "</memory>")
            .replaceFirst("<currentMemory[^>]*>\\d+</currentMemory>", "<currentMemory unit='KiB'>" + kib + "</currentMemory>")
            .replaceFirst("(<vcpu[^>]*>)\\d+(</vcpu>)", "$1" + vcpu + "$2")
            .replaceFirst("(<mtm:machine[^>]*\\sdisk=['\"])\\d+(['\"])", "$1" + diskGb + "$2");
    }

    /** The domain's memory in MiB, from libvirt's definition. */
    static long memoryMb(String xml) {
        Matcher m = Pattern.compile("<memory unit='KiB'>(\\d+)</memory>").matcher(xml);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
    }
}
