package org.mtmanager.spi.firewall;

/** A backend could not do what it was asked; {@link #retryable()} says whether trying later may work. */
public class FirewallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public FirewallException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public FirewallException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
