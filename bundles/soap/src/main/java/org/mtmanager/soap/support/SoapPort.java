package org.mtmanager.soap.support;

/**
 * A SOAP port of the platform, published under {@code /mtm} for as long as it is registered as this service: a
 * domain's ports come and go with the services they front. The service object is the port's implementation (a
 * {@code @WebService} naming its endpoint interface, so that only that interface's operations are published). Each
 * is published with the platform's UsernameToken check, client-fault marking and request limits in front.
 */
public interface SoapPort {
    /** Where the port answers, under {@code /mtm}: {@code /soap/BillingService}. */
    String address();

    /** The namespace of the fault a request is refused with before it reaches the port (no or a wrong token). */
    String faultNamespace();

    /** The local name of that fault, as the port's WSDL declares it. */
    String faultName();
}
