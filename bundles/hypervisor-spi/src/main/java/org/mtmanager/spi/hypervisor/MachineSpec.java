package org.mtmanager.spi.hypervisor;

/**
 * What a driver needs to create a machine.
 *
 * @param machineId   the platform's stable name for it (the serial number); the driver's own object is named
 *                    after it, so the platform finds it again after a crash
 * @param hostname    the machine's DNS label
 * @param pbxVersion  the PBX version to install
 * @param internalIp  the address on the platform's internal network, chosen by the platform
 * @param extensions  the licensed extensions the PBX is prepared for
 * @param lines       the licensed lines (simultaneous calls) the PBX is prepared for
 */
public record MachineSpec(String machineId, String hostname, int vcpu, int memoryMb, int diskGb, String pbxVersion,
                          String internalIp, int extensions, int lines) {
}
