package org.mtmanager.soap.support;

/**
 * A port's declared fault that carries one of the API's error codes: the server answers it as the client's fault
 * (soap:Client) when the code is the client's (a 4xx), and logs it in one line, whichever port threw it.
 */
public interface PlatformFault {
    /** The API's error code ({@code NOT_FOUND}, {@code VALIDATION}, ...), or null when the fault has none. */
    String errorCode();
}
