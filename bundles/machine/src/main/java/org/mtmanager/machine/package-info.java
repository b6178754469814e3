/**
 * Machines (see {@link org.mtmanager.api.machine}): drafts, the lifecycle and the jobs that carry it out on the
 * hypervisor drivers, hosts and placement, reconciliation, and resource plan changes. Built on the platform bundle
 * and the hypervisor SPI only; nothing here is exported but the deletion hooks ({@code deletion}).
 */
package org.mtmanager.machine;
