package org.mtmanager.spi.hypervisor;

/**
 * A driver could not do what it was asked. {@link #retryable()} tells the platform whether trying again later
 * may work (the host is unreachable) or not (the spec is impossible).
 */
public class DriverException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public DriverException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public DriverException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
