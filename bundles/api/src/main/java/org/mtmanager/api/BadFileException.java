package org.mtmanager.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An imported file with bad lines. Nothing of the file was applied; every bad line is listed, so a client can fix
 * them all in one go. Its code is INVALID_FIELD with field "file"; the REST facade adds the lines as
 * {@code errors: [{line, field, message}]}.
 */
public class BadFileException extends MtmException {
    private static final long serialVersionUID = 1L;
    private static final int LISTED = 20;

    private final transient List<LineError> errors;

    public BadFileException(List<LineError> errors) {
        super(ErrorCode.INVALID_FIELD, "file", summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }

    private static String summary(List<LineError> errors) {
        String lines = errors.stream().limit(LISTED).map(LineError::toString).collect(Collectors.joining("; "));
        return "file: " + errors.size() + " bad line(s), nothing was applied: " + lines
            + (errors.size() > LISTED ? "; ..." : "");
    }
}
