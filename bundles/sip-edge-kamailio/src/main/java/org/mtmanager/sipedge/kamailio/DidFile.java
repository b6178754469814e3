package org.mtmanager.sipedge.kamailio;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The DID table as a db_text table ({@code db/did}), which the htable "did" loads at Kamailio's start and on each
 * {@code htable.reload}. Kamailio's db_text reads a table again only when its file's modification time (in whole
 * seconds) moved, so each write moves it at least one second past the last.
 */
final class DidFile {
    static final String TABLE = "did";
    private static final String HEADER = "key_name(str) key_type(int) value_type(int) key_value(str) expires(int)\n";

    private DidFile() {
    }

    /** Writes the table whole, then moves it into place (Kamailio never reads half of it). */
    static void write(Path db, Map<String, String> routes) throws IOException {
        Files.createDirectories(db);
        Path file = db.resolve(TABLE);
        Path tmp = db.resolve(TABLE + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            w.write(HEADER);
            for (Map.Entry<String, String> r : routes.entrySet()) {
                // Prefixes are digits and targets IPv4 addresses: nothing to escape in db_text's colon format.
                w.write(r.getKey());
                w.write(":0:0:");
                w.write(r.getValue());
                w.write(":0\n");
            }
        }
        long seconds = Files.getLastModifiedTime(tmp).to(TimeUnit.SECONDS);
        if (Files.exists(file)) {
            seconds = Math.max(seconds, Files.getLastModifiedTime(file).to(TimeUnit.SECONDS) + 1);
        }
        Files.setLastModifiedTime(tmp, FileTime.from(seconds, TimeUnit.SECONDS));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** An empty table unless there is one: Kamailio needs the file to start. */
    static void ensure(Path db) throws IOException {
        if (!Files.exists(db.resolve(TABLE))) {
            write(db, Map.of());
        }
    }
}
