package org.mtmanager.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * CSV (RFC 4180) for the exports. A text cell that a spreadsheet would read as a formula is prefixed with a quote:
 * notes and hostnames come from users.
 */
final class Csv {
    private final StringBuilder out = new StringBuilder();

    Csv(String... header) {
        row((Object[]) header);
    }

    Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    <T> Csv rows(List<T> items, Function<T, Object[]> cells) {
        items.forEach(i -> row(cells.apply(i)));
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
        if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
