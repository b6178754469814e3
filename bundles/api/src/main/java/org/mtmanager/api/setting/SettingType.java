package org.mtmanager.api.setting;

/** How a setting's value is written and checked. */
public enum SettingType {
    STRING, INTEGER, DECIMAL, BOOLEAN,
    /** "low-high", two TCP/UDP port numbers from 1024 to 65535 with low below high. */
    PORT_RANGE,
    /** One word out of a fixed list, given in the setting's description. */
    CHOICE,
    /** A PBX upgrade path: versions in upgrade order, "15.0 > 15.3 > 16.0 > 16.2"; the last is the latest. */
    VERSION_PATH,
    /** IPv4 and IPv6 addresses and CIDR blocks, comma-separated, "192.0.2.0/24, 2001:db8::7"; empty for none. */
    ADDRESS_LIST
}
