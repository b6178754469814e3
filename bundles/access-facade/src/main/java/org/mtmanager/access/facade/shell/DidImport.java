package org.mtmanager.access.facade.shell;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.BadFileException;
import org.mtmanager.api.Caller;
import org.mtmanager.api.LineError;

@Service
@Command(scope = "mtm", name = "did-import", description = "Import DID routes from CSV (number,machine,description), all or nothing")
public class DidImport extends DidCommand {
    @Option(name = "--replace", description = "Also remove your routes that the file leaves out") boolean replace;

    @Argument(index = 0, name = "file", description = "A CSV file on the server (platform administrators); "
        + "without it, the CSV is read from the command's input, e.g. ssh ... mtm:did-import < routes.csv")
    String file;

    @Override
    protected void run(Caller c) throws Exception {
        String csv;
        if (file != null && !file.equals("-")) {
            requireServerFiles(c);
            csv = read(Paths.get(file));
        } else {
            InputStream in = session.getKeyboard();
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            org.mtmanager.api.did.DidImport r = dids.importCsv(c, csv, replace);
            done(r, "Imported " + r.routes() + " route(s): " + r.created() + " created, " + r.updated() + " updated, "
                + r.unchanged() + " unchanged, " + r.removed() + " removed");
        } catch (BadFileException e) {
            if (!json) {
                for (LineError l : e.errors()) {
                    out().println(l);
                }
            }
            throw e;
        }
    }
}
