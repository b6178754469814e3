package org.mtmanager.api.access;

/** {@code publicAddress:externalPort} leads to the machine's {@code port} for {@code service}. */
public record PortForward(long machineId, String service, String protocol, int port, String publicAddress, int externalPort) {
}
