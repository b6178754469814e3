package org.mtmanager.soap.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.mtmanager.api.MtmException;

/** Instants as every SOAP contract writes them: ISO-8601 text, as REST does. */
public final class SoapTimes {

    private SoapTimes() {
    }

    /** An instant from a request; a bad one names its field. */
    public static Instant parse(String field, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw MtmException.invalid(field, "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
    }

    /** An instant in an answer, or null. */
    public static String format(Instant i) {
        return i == null ? null : i.toString();
    }
}
