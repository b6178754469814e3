package org.mtmanager.shell.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.setting.Setting;
import org.mtmanager.api.setting.SettingService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "setting-list", description = "List the platform settings; locked ones are marked")
public class SettingList extends MtmCommand {
    @Reference SettingService settings;

    @Override
    protected void run(Caller c) {
        List<Setting> list = settings.list(c);
        ShellTable t = new ShellTable();
        t.column("Key");
        t.column("Value");
        t.column("Type");
        t.column("Locked");
        t.column("Description");
        list.forEach(s -> t.addRow().addContent(s.key(), s.value(), s.type(), s.locked() ? "locked" : "",
            s.locked() ? s.description() + " (locked: " + s.lockReason() + ")" : s.description()));
        print(list, t);
    }
}
