package org.mtmanager.spi.sipedge;

/** A backend call that failed; its message says what the edge answered, in the operator's words. */
public class EdgeException extends Exception {
    private static final long serialVersionUID = 1L;

    public EdgeException(String message) {
        super(message);
    }

    public EdgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
