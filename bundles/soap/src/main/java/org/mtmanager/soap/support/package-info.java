/**
 * What a SOAP port of the platform is made of, for the ports of this bundle and of any other bundle: the service
 * it registers as ({@link org.mtmanager.soap.support.SoapPort}), which the server publishes with the same checks in
 * front, and the caller those checks authenticated ({@link org.mtmanager.soap.support.SoapCaller}).
 */
@Version("1.0.0")
package org.mtmanager.soap.support;

import org.osgi.annotation.versioning.Version;
