/**
 * The version 1 SOAP contract: the port interface and its data types. Changing anything here changes the WSDL
 * that operators generate clients from: add, never rename or remove; a breaking change is a new version package.
 * It is exported, because the ProvisioningService port is machines' own (their facade bundle's), while its types and
 * its fault are shared with this bundle's AccountService.
 */
@Version("1.0.0")
@XmlSchema(namespace = SoapNames.NS, elementFormDefault = XmlNsForm.QUALIFIED)
package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;

import org.osgi.annotation.versioning.Version;
