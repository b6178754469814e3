package org.mtmanager.shell.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountStatus;
import org.mtmanager.api.account.AccountType;

public class JsonOutTest {

    public record Inner(String name, boolean on) {
    }

    public record Outer(long id, int count, Long missing, Boolean flag, Instant at, Role role, AccountType type,
                        AccountStatus status, Inner inner, List<Object> items, Map<String, Object> extra, String text) {
    }

    private static final String TRICKY = "say \"hi\" \\ back\nslash\ttab\rcr\u0001ctl\u001fend é";

    private static Outer sample() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("k", 1);
        extra.put("nil", null);
        extra.put("list", List.of());
        return new Outer(9_000_000_000L, -3, null, true, Instant.parse("2026-11-25T10:00:00Z"), Role.RESELLER_ADMIN,
            AccountType.CUSTOMER, AccountStatus.values()[0], new Inner("in", false),
            Arrays.asList(1, "two", null, new Inner("x", true), 2.5), extra, TRICKY);
    }

    @Test
    public void writesRecordsExactly() {
        String expected = "{\"id\":9000000000,\"count\":-3,\"missing\":null,\"flag\":true,"
            + "\"at\":\"2026-11-25T10:00:00Z\",\"role\":\"reseller-admin\",\"type\":\"customer\","
            + "\"status\":\"" + AccountStatus.values()[0].name() + "\","
            + "\"inner\":{\"name\":\"in\",\"on\":false},"
            + "\"items\":[1,\"two\",null,{\"name\":\"x\",\"on\":true},2.5],"
            + "\"extra\":{\"k\":1,\"nil\":null,\"list\":[]},"
            + "\"text\":\"say \\\"hi\\\" \\\\ back\\nslash\\ttab\\rcr\\u0001ctl\\u001fend é\"}";
        assertEquals(expected, JsonOut.write(sample()));
    }

    @Test
    public void outputParsesBackToTheSameValues() {
        Object parsed = new Parser(JsonOut.write(sample())).parseDocument();
        assertTrue(parsed instanceof Map);
        Map<?, ?> m = (Map<?, ?>) parsed;
        assertEquals(TRICKY, m.get("text"));
        assertEquals("reseller-admin", m.get("role"));
        assertEquals("2026-11-25T10:00:00Z", m.get("at"));
        assertTrue(m.containsKey("missing"));
        assertEquals(null, m.get("missing"));
        assertEquals(new BigDecimal("9000000000"), m.get("id"));
        assertEquals(Boolean.TRUE, m.get("flag"));
        assertEquals(Map.of("name", "in", "on", false), m.get("inner"));
        List<?> items = (List<?>) m.get("items");
        assertEquals(5, items.size());
        assertEquals(Map.of("name", "x", "on", true), items.get(3));
        assertEquals(new BigDecimal("2.5"), items.get(4));
    }

    @Test
    public void writesScalarsAndContainers() {
        assertEquals("null", JsonOut.write(null));
        assertEquals("true", JsonOut.write(true));
        assertEquals("42", JsonOut.write(42));
        assertEquals("\"platform-admin\"", JsonOut.write(Role.PLATFORM_ADMIN));
        assertEquals("\"reseller\"", JsonOut.write(AccountType.RESELLER));
        assertEquals("[]", JsonOut.write(List.of()));
        assertEquals("{}", JsonOut.write(Map.of()));
        assertEquals("[\"viewer\",\"operator\"]", JsonOut.write(List.of(Role.VIEWER, AccountType.OPERATOR)));
        assertEquals("{\"7\":[null]}", JsonOut.write(Map.of(7, Arrays.asList((Object) null))));
        assertEquals("\"\\u0000\\u0008\\u000c\"", JsonOut.write("\u0000\b\f"));
    }

    @Test
    public void everyControlCharacterIsEscaped() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        String out = JsonOut.write(all.toString());
        for (int i = 0; i < out.length(); i++) {
            assertTrue("raw control char at " + i + ": " + out, out.charAt(i) >= 0x20);
        }
        assertEquals(all.toString(), new Parser(out).parseDocument());
    }

    /** A strict little JSON parser (RFC 8259): numbers become BigDecimal, objects LinkedHashMap. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object parseDocument() {
            Object v = value();
            ws();
            if (i != s.length()) {
                throw error("trailing characters");
            }
            return v;
        }

        private Object value() {
            ws();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (peek('}')) {
                        return m;
                    }
                    do {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                    } while (peek(','));
                    expect('}');
                    return m;
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) {
                        return l;
                    }
                    do {
                        l.add(value());
                        ws();
                    } while (peek(','));
                    expect(']');
                    return l;
                }
                case '"':
                    return string();
                default:
                    for (String lit : new String[] {"true", "false", "null"}) {
                        if (s.startsWith(lit, i)) {
                            i += lit.length();
                            return lit.equals("null") ? null : Boolean.valueOf(lit);
                        }
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String num = s.substring(start, i);
                    if (!num.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                        throw error("bad value '" + num + "'");
                    }
                    return new BigDecimal(num);
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    throw error("raw control character");
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + i + " in " + s);
        }
    }
}
