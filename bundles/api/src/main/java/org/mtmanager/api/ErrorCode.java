package org.mtmanager.api;

/**
 * Every error the platform reports, with the HTTP status the REST facade answers with. The SOAP facade carries
 * the same code in its fault, and the console prints it, so a client can branch on one set of codes everywhere.
 */
public enum ErrorCode {
    /** A field is missing, malformed or out of range; {@link MtmException#field()} names it. */
    INVALID_FIELD(400),
    /**
     * The request could not be read at all: a malformed JSON or XML body, or a request the web server refuses
     * before reading it (a request line or headers over its limits, a bad percent-encoding, an unknown HTTP
     * version), which keeps the status the server chose (400, 414, 431, 505).
     */
    MALFORMED_REQUEST(400),
    /** No valid credentials. */
    UNAUTHENTICATED(401),
    /**
     * A dangerous action (upgrade, delete, plan change, two-factor reset, token creation) needs the password again,
     * and the TOTP code where two-factor authentication is on, on this very request.
     */
    REAUTHENTICATION_REQUIRED(401),
    /** The account requires two-factor authentication and the user has not enrolled: only enrolment is allowed. */
    TWO_FACTOR_REQUIRED(403),
    /** Authenticated, but the role does not allow the action. */
    FORBIDDEN(403),
    /** The source address is not on the account's portal whitelist. */
    IP_NOT_ALLOWED(403),
    /** The setting is locked: only the platform administrator may change it. */
    SETTING_LOCKED(403),
    /** Nothing with that id exists in the caller's scope (foreign ids look exactly like missing ones). */
    NOT_FOUND(404),
    /** The resource exists, but not with that HTTP method. */
    METHOD_NOT_ALLOWED(405),
    /** The client asked for a representation the resource cannot give. */
    NOT_ACCEPTABLE(406),
    /** The request clashes with the current state: a duplicate name, a non-empty account, ... */
    CONFLICT(409),
    /** The request body is in a format the resource does not read. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** Well-formed, but breaks a business rule (for example a plan smaller than a lower tier). */
    RULE_VIOLATION(422),
    /** Too many attempts; try later. */
    TOO_MANY_REQUESTS(429),
    /** A fault of the platform itself; never used for bad input. */
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
