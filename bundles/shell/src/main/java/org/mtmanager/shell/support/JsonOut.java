package org.mtmanager.shell.support;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountType;

/**
 * Writes the API's values as JSON for {@code --json}, with the same field names and enum spellings as the REST
 * API, without pulling a JSON library into the console bundle.
 */
public final class JsonOut {

    private JsonOut() {
    }

    public static String write(Object o) {
        StringBuilder sb = new StringBuilder();
        write(sb, o);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object o) {
        if (o == null) {
            sb.append("null");
        } else if (o instanceof String || o instanceof Instant || o instanceof Enum<?> && !(o instanceof Role)
                && !(o instanceof AccountType)) {
            string(sb, String.valueOf(o));
        } else if (o instanceof Role r) {
            string(sb, r.wireName());
        } else if (o instanceof AccountType t) {
            string(sb, t.wireName());
        } else if (o instanceof Number || o instanceof Boolean) {
            sb.append(o);
        } else if (o instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object item : c) {
                sb.append(first ? "" : ",");
                first = false;
                write(sb, item);
            }
            sb.append(']');
        } else if (o instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (o.getClass().isRecord()) {
            sb.append('{');
            boolean first = true;
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                sb.append(first ? "" : ",");
                first = false;
                string(sb, rc.getName());
                sb.append(':');
                try {
                    write(sb, rc.getAccessor().invoke(o));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            sb.append('}');
        } else {
            string(sb, o.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
