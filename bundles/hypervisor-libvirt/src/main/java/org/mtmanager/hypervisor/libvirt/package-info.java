/**
 * The libvirt hypervisor driver ({@code mtm.driver=libvirt}). A host's {@code uri} names the libvirt connection;
 * each machine is a domain named {@code mtm-<serial>}, with the platform's data (PBX version, internal address)
 * kept in the domain's metadata, so the inventory can be rebuilt from libvirt alone.
 */
package org.mtmanager.hypervisor.libvirt;
