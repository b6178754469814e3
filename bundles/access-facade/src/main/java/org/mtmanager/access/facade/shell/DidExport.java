package org.mtmanager.access.facade.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;

@Service
@Command(scope = "mtm", name = "did-export", description = "Export the DID routes you see as CSV (number,machine,description)")
public class DidExport extends DidCommand {
    @Argument(index = 0, name = "file", description = "Write to this file on the server (platform administrators); "
        + "without it, print the CSV")
    String file;

    @Override
    protected void run(Caller c) throws Exception {
        if (file != null) {
            requireServerFiles(c);
        }
        String csv = dids.exportCsv(c);
        if (file == null) {
            out().print(csv);
            out().flush();
        } else {
            Files.writeString(Paths.get(file), csv, StandardCharsets.UTF_8);
            out().println("Wrote " + (csv.lines().count() - 1) + " route(s) to " + file);
        }
    }
}
