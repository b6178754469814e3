package org.mtmanager.soap.internal;

import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs SOAP faults in place of CXF, which writes a stack trace of about 4 KB for each, and the request's own
 * values in its message (a 5,000,000-digit id four times): a client fault is one bounded line; only a fault of
 * the platform gets its stack trace.
 */
final class FaultLog implements FaultListener {
    /** CXF reads the listener from the endpoint's properties under this name. */
    static final String PROPERTY = FaultListener.class.getName();
    static final int MESSAGE_MAX = 200;
    private static final Logger LOG = LoggerFactory.getLogger(FaultLog.class);

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        String what = bounded(description);
        Message in = message.getExchange() == null || message.getExchange().getInMessage() == null ? message
            : message.getExchange().getInMessage();
        if (ClientFaults.isClient(exception) || ClientFaultInterceptor.isDocumentQuery(in)) {
            String code = ClientFaults.code(exception);
            LOG.info("SOAP client fault in {}: {}{}", what, code == null ? "" : code + ": ", bounded(exception.getMessage()));
        } else {
            LOG.error("SOAP fault of the platform in {}", what, exception);
        }
        return false;
    }

    /** A text cut to {@link #MESSAGE_MAX} characters, on one line. */
    static String bounded(String text) {
        if (text == null) {
            return "";
        }
        String head = (text.length() <= MESSAGE_MAX ? text : text.substring(0, MESSAGE_MAX)).replaceAll("[\\r\\n\\t]+", " ");
        return text.length() <= MESSAGE_MAX ? head : head + "... (" + text.length() + " characters)";
    }
}
