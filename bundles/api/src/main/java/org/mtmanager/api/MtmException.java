package org.mtmanager.api;

/**
 * The one exception type that crosses the service boundary. Its message is safe to show to the caller: it never
 * carries a stack trace, SQL or the existence of something outside the caller's scope.
 */
public class MtmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    public MtmException(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public MtmException(ErrorCode code, String message) {
        this(code, null, message);
    }

    public static MtmException invalid(String field, String rule) {
        return new MtmException(ErrorCode.INVALID_FIELD, field, field + ": " + rule);
    }

    public static MtmException notFound(String what, Object id) {
        return new MtmException(ErrorCode.NOT_FOUND, what + " " + id + " not found");
    }

    public static MtmException forbidden(String message) {
        return new MtmException(ErrorCode.FORBIDDEN, message);
    }

    public static MtmException conflict(String field, String message) {
        return new MtmException(ErrorCode.CONFLICT, field, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The name of the input field at fault, or null when the error is not about one field. */
    public String field() {
        return field;
    }
}
