package org.mtmanager.api;

/**
 * One bad line of an imported file.
 *
 * @param line    the line number in the file, counting from 1 (the header is line 1)
 * @param field   the column at fault, or null when the line as a whole is (wrong number of columns, ...)
 * @param message the rule it breaks, in the same words as the single-item API would use
 */
public record LineError(int line, String field, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
