/**
 * What a SOAP port of the platform registers as ({@link org.mtmanager.soap.support.SoapPort}), for the ports of
 * this bundle and of any other bundle: the server publishes each one it finds, with the same checks in front.
 */
@Version("1.0.0")
package org.mtmanager.soap.support;

import org.osgi.annotation.versioning.Version;
