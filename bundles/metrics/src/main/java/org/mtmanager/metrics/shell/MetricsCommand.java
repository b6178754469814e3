package org.mtmanager.metrics.shell;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.metrics.Metrics;
import org.mtmanager.shell.support.MtmCommand;

/** {@code mtm:metrics}: the metrics as a scraper reads them (platform administrators). */
@Service
@Command(scope = "mtm", name = "metrics", description = "Print the platform's metrics in Prometheus' text format (platform administrators)")
public class MetricsCommand extends MtmCommand {
    @Reference
    Metrics metrics;

    @Override
    protected void run(Caller caller) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        metrics.write(caller, text);
        out().print(text.toString(StandardCharsets.UTF_8));
    }
}
