/**
 * What a SOAP port of the platform is made of, for the ports of this bundle and of any other bundle: the service
 * it registers as ({@link org.mtmanager.soap.support.SoapPort}), which the server publishes with the same checks in
 * front, the caller those checks authenticated, with the one way to run a service call as that caller and answer
 * a refusal as the port's declared fault ({@link org.mtmanager.soap.support.SoapCaller}), and instants as every
 * contract writes them ({@link org.mtmanager.soap.support.SoapTimes}).
 */
@Version("1.1.0")
package org.mtmanager.soap.support;

import org.osgi.annotation.versioning.Version;
