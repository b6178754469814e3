/**
 * The container hypervisor driver ({@code mtm.driver=container}): machines as Linux containers on the host the
 * server runs on, the embedded default for a newcomer with root.
 *
 * <p>A machine is a network namespace ({@code <namespacePrefix><serial>}) with one veth on the host's internal
 * bridge and the platform's address for it, plus PID, mount and UTS namespaces made by {@code unshare} around a
 * stand-in for the PBX: busybox httpd on port 80 (its web UI, which is what {@code openUrl} reaches), dropbear on
 * 22 and Kamailio on 5060 (UDP and TCP), each telling the machine's serial and PBX version. The namespace has no
 * default route: a machine reaches its bridge and nothing beyond it. Clients beyond the server still reach it
 * through the bridge's namespace, which must forward IPv4 (a host that does not says so, and takes no machines),
 * and whose firewall masquerades what it admits, so that the replies come back the same way. A control group per machine holds it to its
 * resource plan (memory, whole vCPUs of CPU time, a process cap), on cgroup v1 or v2.
 *
 * <p>The state directory holds one folder per machine ({@code machine.properties}, the rendered payload, its
 * snapshots); it is the driver's truth for inventory, so containers survive a restart of the server and are
 * found again. Host settings: {@code stateDir}, {@code bridge}, {@code network} (a CIDR; its first address is the
 * bridge's), {@code namespacePrefix}, {@code bridgeNamespace}, {@code routeOut}, {@code enforceLimits}.
 */
package org.mtmanager.hypervisor.container;
