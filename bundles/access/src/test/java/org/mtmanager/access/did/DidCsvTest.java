package org.mtmanager.access.did;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.mtmanager.api.LineError;
import org.mtmanager.api.did.DidRoute;

/** The CSV reader never throws: bad files come back as line errors, good ones as rows with their line numbers. */
public class DidCsvTest {

    private static DidCsv.Parsed parse(String text) {
        return DidCsv.parse(text);
    }

    @Test
    public void readsQuotedFieldsEmptyLinesAndBothLineEnds() {
        DidCsv.Parsed p = parse("\uFEFFNumber, Machine ,Description\r\n"
            + "+34915550,pbx-a,\"Madrid, main\"\r\n"
            + "\r\n"
            + "   \n"
            + "34915551 , pbx-b ,\"He said \"\"hi\"\"\"\n"
            + "+34915552,pbx-c,\"two\nlines\"\n"
            + "+34915553,pbx-d\n"
            + "+34915554,pbx-e,\n"
            + "+34915555,\"pbx-f\" ,'=SUM(A1)");
        assertEquals(List.of(), p.errors());
        assertEquals(6, p.rows().size());
        assertEquals(new DidCsv.Row(2, "+34915550", "pbx-a", "Madrid, main"), p.rows().get(0));
        assertEquals(new DidCsv.Row(5, "34915551", "pbx-b", "He said \"hi\""), p.rows().get(1));
        assertEquals(new DidCsv.Row(6, "+34915552", "pbx-c", "two\nlines"), p.rows().get(2));
        assertEquals("a line after a quoted line break keeps its own number", 8, p.rows().get(3).line());
        assertNull(p.rows().get(3).description());
        assertEquals("", p.rows().get(4).description());
        assertEquals("an exported, defused formula reads back as written", "=SUM(A1)", p.rows().get(5).description());
    }

    @Test
    public void theDescriptionColumnMayBeLeftOut() {
        DidCsv.Parsed p = parse("number,machine\n+1,pbx-a\n");
        assertEquals(List.of(), p.errors());
        assertEquals(List.of(new DidCsv.Row(2, "+1", "pbx-a", null)), p.rows());
        assertEquals(List.of(new LineError(3, null, "expected 2 columns (number,machine), found 3")),
            parse("number,machine\n+1,pbx-a\n+2,pbx-b,extra\n").errors());
    }

    @Test
    public void aMissingOrWrongHeaderIsTheFirstLinesError() {
        assertEquals(List.of(new LineError(1, null, "the file is empty: it needs the header number,machine,description")),
            parse("").errors());
        assertEquals(List.of(new LineError(1, null, "the file is empty: it needs the header number,machine,description")),
            parse("\n\n").errors());
        assertEquals(List.of(new LineError(1, null, "the first line must be the header number,machine,description")),
            parse("+34915550,pbx-a,x\n+34915551,pbx-b,y\n").errors());
        assertEquals(List.of(new LineError(3, null, "the first line must be the header number,machine,description")),
            parse("\n\nnumber;machine;description\n").errors());
    }

    @Test
    public void badLinesAreAllReportedWithTheirNumbers() {
        DidCsv.Parsed p = parse("number,machine,description\n"
            + "+1,pbx-a,ok\n"
            + "+2\n"
            + "+3,pbx-c,\"closed\"junk\n"
            + "+4,pbx-d,a,b\n"
            + "+5,pbx-e,fine\n"
            + "+6,pbx-f,\"never closed\n"
            + "+7,pbx-g,lost\n");
        assertEquals(List.of(
            new LineError(3, null, "expected 3 columns (number,machine,description), found 1"),
            new LineError(4, null, "a quoted field must end at a comma or at the end of the line"),
            new LineError(5, null, "expected 3 columns (number,machine,description), found 4"),
            new LineError(7, null, "a quoted field is not closed")), p.errors());
        assertEquals(List.of(2, 6), p.rows().stream().map(DidCsv.Row::line).toList());
    }

    @Test
    public void exportQuotesWhatNeedsItAndDefusesFormulas() {
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        String csv = DidCsv.write(List.of(
            new DidRoute(1, "+34915550", 7, "pbx-a", 3, "Madrid, main", "admin", t, t),
            new DidRoute(2, "+34915551", 8, "pbx-b", 3, null, "admin", t, t),
            new DidRoute(3, "+34915552", 8, "pbx-b", 3, "=HYPERLINK(\"x\")", "admin", t, t)));
        assertEquals("number,machine,description\n"
            + "+34915550,pbx-a,\"Madrid, main\"\n"
            + "+34915551,pbx-b,\n"
            + "+34915552,pbx-b,\"'=HYPERLINK(\"\"x\"\")\"\n", csv);
        DidCsv.Parsed back = parse(csv);
        assertEquals(List.of(), back.errors());
        assertEquals("=HYPERLINK(\"x\")", back.rows().get(2).description());
        assertTrue(back.rows().get(1).description().isEmpty());
    }
}
