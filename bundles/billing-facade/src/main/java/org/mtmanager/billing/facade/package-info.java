/**
 * Billing's facades, thin over the API's {@code BillingService} as every facade is: REST resources ({@code rest},
 * registered as {@code RestResource} services), the SOAP port ({@code soap}, a {@code SoapPort} service, with its
 * committed contract in {@code org.mtmanager.soap.billing.v1} and {@code wsdl/BillingService-v1.wsdl}) and console
 * commands ({@code shell}, this bundle's {@code Karaf-Commands}). They are published while the billing service is
 * there, so they come and go with the {@code mtm-billing} feature, or work over another billing that an operator
 * installs. Nothing is exported.
 */
package org.mtmanager.billing.facade;
