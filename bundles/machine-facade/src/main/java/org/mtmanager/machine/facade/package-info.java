/**
 * Machines' facades, thin over the API's machine, job, host and reconciliation services as every facade is: REST
 * resources ({@code rest}, registered as {@code RestResource} services), the SOAP {@code ProvisioningService}
 * ({@code soap}, a {@code SoapPort} service implementing the exported v1 contract of the SOAP bundle) and console
 * commands ({@code shell}, this bundle's {@code Karaf-Commands}). They are published while machines' services are
 * there, so they come and go with the {@code mtm-machine} feature. The SOAP port's grant operations use network
 * access when it is installed and refuse with NOT_FOUND when it is not. Nothing is exported.
 */
package org.mtmanager.machine.facade;
