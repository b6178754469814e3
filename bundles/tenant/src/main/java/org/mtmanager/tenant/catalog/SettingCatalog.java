package org.mtmanager.tenant.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mtmanager.api.MtmException;
import org.mtmanager.api.setting.SettingType;
import org.mtmanager.platform.scope.Distributors;
import org.mtmanager.platform.util.Cidr;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.platform.util.UpgradePath;

/**
 * The settings the platform knows, with their types, defaults and locks. The code is the source of truth for a
 * setting's definition; the database keeps only its current value, so a new release can add or re-document
 * settings without touching values already chosen.
 */
public final class SettingCatalog {

    /** One setting's definition. */
    public record Definition(String key, SettingType type, String defaultValue, List<String> choices, boolean locked,
                             String description, String lockReason) {
    }

    public static final List<Definition> ALL = List.of(
        new Definition("network.reserved-port-range", SettingType.PORT_RANGE, "10000-19999", List.of(), true,
            "External ports handed out for forwarded services (SSH, telnet, provisioning, ...)",
            "Changing the range would move or collide with the forwarded ports of every machine on the platform"),
        new Definition("sip.policy", SettingType.CHOICE, "locked", List.of("locked"), true,
            "Who may open SIP to a machine: 'locked' means SIP reaches machines only through the platform's SIP edge",
            "SIP exposure endangers every machine; the SIP path belongs to the platform"),
        new Definition("sip.carriers", SettingType.ADDRESS_LIST, "", List.of(), true,
            "The carriers whose calls the SIP edge takes: their addresses and CIDR blocks, comma-separated; any other source "
                + "is refused (403). Empty: the edge takes no call",
            "The carriers decide whose calls reach every machine on the platform"),
        new Definition("access.distributor-services", SettingType.STRING, "web,https", List.of(), true,
            "The services a distributor's machines may be granted (comma-separated); others are refused",
            "Distributors get web access only unless the platform decides otherwise"),
        new Definition("host.overcommit.cpu", SettingType.DECIMAL, "1.0", List.of(), true,
            "vCPUs planned per physical core on a hypervisor host",
            "Overcommitting CPU degrades call quality for every machine on the host"),
        new Definition("host.overcommit.memory", SettingType.DECIMAL, "1.0", List.of(), true,
            "Memory planned per byte of host memory",
            "Overcommitting memory can crash every machine on the host"),
        new Definition("hypervisor.default-driver", SettingType.STRING, "container", List.of(), true,
            "The hypervisor driver used for hosts that name none",
            "Hypervisor settings apply to every machine"),
        new Definition("machine.default-plan", SettingType.STRING, "S", List.of(), false,
            "The resource plan offered first when creating a machine", null),
        new Definition("portal.session-idle-minutes", SettingType.INTEGER, "30", List.of(), false,
            "Minutes of inactivity after which a portal session ends", null),
        new Definition("pbx.upgrade-path", SettingType.VERSION_PATH, "15.0 > 15.3 > 16.0 > 16.2", List.of(), false,
            "PBX versions in upgrade order; an upgrade takes a machine through every later step to the last", null),
        new Definition("machine.web-url", SettingType.STRING, "http://{internalIp}/", List.of(), false,
            "The link to a machine's own web UI; {hostname} and {internalIp} are replaced. The default reaches the machine "
                + "over its host's internal network (right for the server's own container host); behind a reverse proxy, "
                + "use the proxy's, such as https://{hostname}.pbx.example.net/", null),
        new Definition("billing.rating-mode", SettingType.CHOICE, "pro-rata", List.of("pro-rata", "peak"), false,
            "How monthly statements count licences: by licence-days (pro-rata) or by the month's peak", null));

    /**
     * What every signed-in user may read, whatever its account: the values its own forms are built from (the plan
     * a new machine is offered first, the versions an upgrade goes through). The others are the platform's and its
     * operators' business.
     */
    public static final Set<String> FOR_EVERY_ACCOUNT = Set.of("machine.default-plan", "pbx.upgrade-path");

    private SettingCatalog() {
    }

    /** Addresses and blocks, each in its canonical form, once each, in the order given. */
    private static String addresses(String field, String v) {
        Set<String> out = new LinkedHashSet<>();
        for (String item : v.split(",")) {
            if (!item.isBlank()) {
                out.add(Cidr.parse(field, item).toString());
            }
        }
        return String.join(", ", out);
    }

    /** Checks a value against a type and returns its canonical text; {@code field} names the input. */
    public static String canonical(String field, SettingType type, List<String> choices, String value) {
        if (value == null) {
            throw MtmException.invalid(field, "is required");
        }
        String v = value.strip();
        if (v.length() > 1000) {
            throw MtmException.invalid(field, "must be at most 1000 characters");
        }
        switch (type) {
            case STRING:
                if (v.isEmpty()) {
                    throw MtmException.invalid(field, "must not be empty");
                }
                return Fields.characters(field, v);
            case INTEGER:
                try {
                    long n = Long.parseLong(v);
                    if (n < 0 || n > 1_000_000_000L) {
                        throw MtmException.invalid(field, "must be a whole number from 0 to 1000000000");
                    }
                    return Long.toString(n);
                } catch (NumberFormatException e) {
                    throw MtmException.invalid(field, "must be a whole number");
                }
            case DECIMAL:
                try {
                    BigDecimal d = new BigDecimal(v);
                    if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(1000)) > 0) {
                        throw MtmException.invalid(field, "must be a number from 0 to 1000");
                    }
                    return d.stripTrailingZeros().toPlainString().contains(".") ? d.stripTrailingZeros().toPlainString()
                        : d.setScale(1).toPlainString();
                } catch (NumberFormatException e) {
                    throw MtmException.invalid(field, "must be a decimal number such as 1.5");
                }
            case BOOLEAN:
                if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                    return v.toLowerCase();
                }
                throw MtmException.invalid(field, "must be true or false");
            case PORT_RANGE:
                String[] parts = v.split("-");
                if (parts.length == 2 && parts[0].strip().matches("\\d{1,5}") && parts[1].strip().matches("\\d{1,5}")) {
                    int low = Integer.parseInt(parts[0].strip());
                    int high = Integer.parseInt(parts[1].strip());
                    if (low >= 1024 && high <= 65535 && low < high) {
                        return low + "-" + high;
                    }
                }
                throw MtmException.invalid(field, "must be a port range LOW-HIGH with 1024 <= LOW < HIGH <= 65535");
            case CHOICE:
                if (choices.contains(v)) {
                    return v;
                }
                throw MtmException.invalid(field, "must be one of " + String.join(", ", choices));
            case VERSION_PATH:
                return UpgradePath.parse(field, v).toString();
            case ADDRESS_LIST:
                return addresses(field, v);
            default:
                throw new IllegalStateException("unknown setting type " + type);
        }
    }
}
