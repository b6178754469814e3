package org.mtmanager.api;

/** {@link ErrorCode#TOO_MANY_REQUESTS}, with the seconds after which a retry may pass (REST: {@code Retry-After}). */
public class RateLimitedException extends MtmException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(ErrorCode.TOO_MANY_REQUESTS, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
