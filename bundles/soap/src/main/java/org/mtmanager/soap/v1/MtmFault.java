package org.mtmanager.soap.v1;

import javax.xml.ws.WebFault;

import org.mtmanager.soap.support.PlatformFault;

/** The one fault of the contract; {@link FaultInfo#code} is an {@code org.mtmanager.api.ErrorCode} name. */
@WebFault(name = "MtmFault", targetNamespace = SoapNames.NS)
public class MtmFault extends Exception implements PlatformFault {
    private static final long serialVersionUID = 1L;

    private final FaultInfo faultInfo;

    public MtmFault(String message, FaultInfo faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public MtmFault(String message, FaultInfo faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
    }

    public FaultInfo getFaultInfo() {
        return faultInfo;
    }

    @Override
    public String errorCode() {
        return getFaultInfo() == null ? null : getFaultInfo().code;
    }
}
