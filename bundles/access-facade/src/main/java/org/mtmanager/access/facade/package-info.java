/**
 * Network access's facades, thin over the API's access and DID route services as every facade is: REST resources
 * ({@code rest}, registered as {@code RestResource} services) and console commands ({@code shell}, this bundle's
 * {@code Karaf-Commands}, with completers of their own). They are published while network access's services are
 * there, so they come and go with the {@code mtm-access} feature. Nothing is exported.
 */
package org.mtmanager.access.facade;
