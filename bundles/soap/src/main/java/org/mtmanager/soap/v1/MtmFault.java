package org.mtmanager.soap.v1;

import javax.xml.ws.WebFault;

import org.mtmanager.api.MtmException;
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

    /** The fault that answers one of the API's refusals, with its code, message and field. */
    public static MtmFault of(MtmException e) {
        FaultInfo info = new FaultInfo();
        info.code = e.code().name();
        info.message = e.getMessage();
        info.field = e.field();
        return new MtmFault(e.getMessage(), info);
    }

    public FaultInfo getFaultInfo() {
        return faultInfo;
    }

    @Override
    public String errorCode() {
        return getFaultInfo() == null ? null : getFaultInfo().code;
    }
}
