/**
 * The version 1 SOAP billing contract ({@code urn:mtmanager:soap:billing:v1}): the {@code BillingService} port and
 * its data types, for operators' billing systems. The WSDL served from these classes is committed as
 * {@code src/main/resources/wsdl/BillingService-v1.wsdl}, and a test fails when they drift apart: add, never
 * rename or remove; a breaking change is a new version package.
 */
@XmlSchema(namespace = BillingNames.NS, elementFormDefault = XmlNsForm.QUALIFIED)
package org.mtmanager.soap.billing.v1;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
