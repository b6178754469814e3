package org.mtmanager.machine;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * A failure as an operator reads it in a job's error or a host's problems: the message that says what went wrong,
 * without the Java class names, the persistence layer's prefixes and the SQL statement around it. The stack trace
 * goes to the server log.
 */
final class Failures {
    /** "java.lang.IllegalStateException: " and the like, at the start of a message that wraps another. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*|$)");
    /** OpenJPA's "<openjpa-3.2.2-r… fatal general error> " prefix. */
    private static final Pattern OPENJPA_PREFIX = Pattern.compile("^<openjpa-[^>]*>\\s*");
    /** OpenJPA's " {prepstmnt 123 INSERT …} [code=20000, state=22001]" suffix. */
    private static final Pattern STATEMENT_SUFFIX = Pattern.compile("\\s*\\{(?:prepstmnt|stmnt)\\b.*$", Pattern.DOTALL);

    private Failures() {
    }

    /**
     * What {@code t} says: the database's own words when it refused something (the innermost SQL error), otherwise
     * the first message in the chain of causes; "no details" when none has one.
     */
    static String describe(Throwable t) {
        String first = null;
        String sql = null;
        Throwable c = t;
        for (int depth = 0; c != null && depth < 32; depth++, c = c.getCause()) { // bounded: cause chains may loop
            String m = clean(c.getMessage());
            if (m == null) {
                continue;
            }
            if (first == null) {
                first = m;
            }
            if (c instanceof SQLException) {
                sql = m;
            }
        }
        return sql != null ? "the database refused it: " + sql : first != null ? first : "no details (the server log has them)";
    }

    private static String clean(String message) {
        if (message == null) {
            return null;
        }
        String m = OPENJPA_PREFIX.matcher(message.strip()).replaceFirst("");
        for (int i = 0; i < 4; i++) { // "a.B: c.D: text" once wrapped twice
            String shorter = CLASS_PREFIX.matcher(m).replaceFirst("");
            if (shorter.equals(m)) {
                break;
            }
            m = shorter.strip();
        }
        m = STATEMENT_SUFFIX.matcher(m).replaceFirst("").strip();
        return m.isEmpty() ? null : m;
    }
}
