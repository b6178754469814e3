/**
 * The version 1 SOAP contract: the port interface and its data types. Changing anything here changes the WSDL
 * that operators generate clients from: add, never rename or remove; a breaking change is a new version package.
 */
@XmlSchema(namespace = SoapNames.NS, elementFormDefault = XmlNsForm.QUALIFIED)
package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
