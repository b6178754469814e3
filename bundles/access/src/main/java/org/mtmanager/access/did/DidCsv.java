package org.mtmanager.access.did;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.mtmanager.api.LineError;
import org.mtmanager.api.did.DidRoute;

/**
 * The DID table's CSV: RFC 4180 quoting, a {@code number,machine,description} header (description optional), one
 * route per line, empty lines skipped. Parsing never throws: every problem becomes a {@link LineError}, so an
 * import reports all of a file's bad lines at once.
 */
final class DidCsv {
    static final String HEADER = "number,machine,description";
    static final int MAX_ROUTES = 50_000;

    private DidCsv() {
    }

    /** One data line: its raw fields, not yet validated. */
    record Row(int line, String number, String machine, String description) {
    }

    record Parsed(List<Row> rows, List<LineError> errors) {
    }

    private record Record(int line, List<String> fields, boolean blank) {
    }

    static Parsed parse(String text) {
        List<LineError> errors = new ArrayList<>();
        List<Record> records = records(text == null ? "" : text, errors);
        List<Row> rows = new ArrayList<>();
        Record header = records.stream().filter(r -> !r.blank()).findFirst().orElse(null);
        if (header == null) {
            errors.add(new LineError(1, null, "the file is empty: it needs the header " + HEADER));
            return new Parsed(rows, errors);
        }
        List<String> columns = header.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        if (!columns.equals(List.of("number", "machine", "description")) && !columns.equals(List.of("number", "machine"))) {
            errors.add(new LineError(header.line(), null, "the first line must be the header " + HEADER));
            return new Parsed(rows, errors);
        }
        for (Record r : records) {
            if (r == header || r.blank()) {
                continue;
            }
            List<String> f = r.fields();
            if (f.size() < 2 || f.size() > columns.size()) {
                errors.add(new LineError(r.line(), null, "expected " + columns.size() + " columns (" + String.join(",", columns)
                    + "), found " + f.size()));
                continue;
            }
            if (rows.size() == MAX_ROUTES) {
                errors.add(new LineError(r.line(), null, "a file may hold at most " + MAX_ROUTES + " routes"));
                break;
            }
            rows.add(new Row(r.line(), f.get(0).strip(), f.get(1).strip(), f.size() > 2 ? undefuse(f.get(2).strip()) : null));
        }
        errors.sort(Comparator.comparingInt(LineError::line));
        return new Parsed(rows, errors);
    }

    /** Splits the text into records, each with the line it starts on. */
    private static List<Record> records(String text, List<LineError> errors) {
        List<Record> out = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quotedAny = false;
            boolean bad = false;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char c = text.charAt(i);
                if (c == '"' && cur.toString().isBlank()) {
                    // A quoted field: up to the closing quote, "" is a quote, line breaks are kept.
                    quotedAny = true;
                    cur.setLength(0);
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char q = text.charAt(i);
                        if (q == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                cur.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (q == '\n') {
                            line++;
                        }
                        cur.append(q);
                        i++;
                    }
                    if (!closed) {
                        errors.add(new LineError(start, null, "a quoted field is not closed"));
                        return out;
                    }
                    // Only blanks may follow the closing quote before the separator.
                    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                        i++;
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        if (!bad) {
                            errors.add(new LineError(start, null, "a quoted field must end at a comma or at the end of the line"));
                        }
                        bad = true;
                        while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                            i++;
                        }
                    }
                    continue;
                }
                if (c == ',') {
                    fields.add(cur.toString());
                    cur.setLength(0);
                    i++;
                } else if (c == '\r' || c == '\n') {
                    i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                    endOfRecord = true;
                } else {
                    cur.append(c);
                    i++;
                }
            }
            fields.add(cur.toString());
            if (!bad) {
                boolean blank = !quotedAny && fields.size() == 1 && fields.get(0).isBlank();
                out.add(new Record(start, fields, blank));
            }
        }
        return out;
    }

    static String write(List<DidRoute> routes) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (DidRoute r : routes) {
            sb.append(r.number()).append(',').append(field(r.machineHostname())).append(',')
                .append(field(r.description())).append('\n');
        }
        return sb.toString();
    }

    /** Quotes a field when needed, and defuses spreadsheet formulas with a leading apostrophe. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(s)
                || !v.equals(v.strip())) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /** Undoes {@link #field}'s formula defusing, so an exported file imports back unchanged. */
    private static String undefuse(String s) {
        return s.length() > 1 && s.charAt(0) == '\'' && "=+-@".indexOf(s.charAt(1)) >= 0 ? s.substring(1) : s;
    }
}
