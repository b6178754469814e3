package org.mtmanager.shell.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.app.App;
import org.mtmanager.api.app.AppDraft;
import org.mtmanager.api.app.AppService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "app-list", description = "List the apps catalog; with --add, add an app first (platform administrators)")
public class AppList extends MtmCommand {
    @Reference AppService apps;

    @Option(name = "--add", description = "Key of an app to add, e.g. recorder") String add;
    @Option(name = "--name", description = "Name of the app added") String name;
    @Option(name = "--licence", description = "PER_MACHINE or PER_USER") String licence;
    @Option(name = "--description") String description;
    @Option(name = "--remove", description = "Key of an app to remove from the catalog") String remove;

    @Override
    protected void run(Caller c) {
        if (add != null) {
            apps.create(c, new AppDraft(add, name, licence, description, true));
        }
        if (remove != null) {
            apps.delete(c, remove);
        }
        List<App> list = apps.list(c);
        ShellTable t = new ShellTable();
        t.column("Key");
        t.column("Name");
        t.column("Licence");
        t.column("Enabled");
        t.column("Description");
        list.forEach(a -> t.addRow().addContent(a.key(), a.name(), a.licenceType(), a.enabled(), s(a.description())));
        print(list, t);
    }
}
