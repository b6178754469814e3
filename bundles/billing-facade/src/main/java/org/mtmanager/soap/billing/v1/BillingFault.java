package org.mtmanager.soap.billing.v1;

import javax.xml.ws.WebFault;

import org.mtmanager.soap.support.PlatformFault;

/** The one fault of the billing contract. */
@WebFault(name = BillingNames.FAULT, targetNamespace = BillingNames.NS)
public class BillingFault extends Exception implements PlatformFault {
    private static final long serialVersionUID = 1L;

    private final BillingFaultInfo faultInfo;

    public BillingFault(String message, BillingFaultInfo faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public BillingFault(String message, BillingFaultInfo faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
    }

    public BillingFaultInfo getFaultInfo() {
        return faultInfo;
    }

    @Override
    public String errorCode() {
        return getFaultInfo() == null ? null : getFaultInfo().code;
    }
}
