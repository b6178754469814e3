package org.mtmanager.soap.internal;

import java.io.CharConversionException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import javax.xml.bind.JAXBException;
import javax.xml.stream.XMLStreamException;

import org.apache.cxf.interceptor.Fault;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.soap.support.PlatformFault;

/**
 * Tells a fault the client caused from one of the platform, the same way for the answer (soap:Client) and for the
 * log (one line, not a stack trace): our own faults by their code; a request the platform could not read (XML it
 * refused, a value JAXB could not bind, a wrong encoding) is the client's too. Any port's faults are ours when they
 * carry the API's error code ({@link PlatformFault}).
 */
final class ClientFaults {

    private ClientFaults() {
    }

    static boolean isClient(Throwable fault) {
        if (fault instanceof Fault f && f.getFaultCode() != null
                && (Fault.FAULT_CODE_CLIENT.equals(f.getFaultCode()) || "Client".equals(f.getFaultCode().getLocalPart()))) {
            // marked so where it was raised (a body that is not SOAP), or by CXF's SOAP binding
            return true;
        }
        String code = code(fault);
        if (code != null) {
            try {
                return ErrorCode.valueOf(code).httpStatus() < 500;
            } catch (IllegalArgumentException unknownCode) {
                return false;
            }
        }
        return unreadable(fault);
    }

    /** Our fault's error code, or null when the fault is not one of ours. */
    static String code(Throwable fault) {
        for (Throwable t : chain(fault)) {
            if (t instanceof PlatformFault f && f.errorCode() != null) {
                return f.errorCode();
            }
        }
        return null;
    }

    /** The request could not be read: malformed or over-limit XML, a bad encoding, a value that does not bind. */
    private static boolean unreadable(Throwable fault) {
        for (Throwable t : chain(fault)) {
            if (t instanceof XMLStreamException || t instanceof CharConversionException
                    || t instanceof CharacterCodingException || t instanceof JAXBException) {
                return true;
            }
        }
        // CXF's own refusals of a message (no such operation, an unexpected element) carry no cause
        return fault instanceof Fault f && f.getCause() == null;
    }

    /** The fault and its causes, first to last; chains may loop (a.initCause(b), b.initCause(a)). */
    private static List<Throwable> chain(Throwable fault) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = fault; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
