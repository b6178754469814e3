package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.setting.Setting;
import org.mtmanager.api.setting.SettingService;
import org.mtmanager.shell.support.Completers;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "setting-set", description = "Change a platform setting (locked ones: platform administrators only)")
public class SettingSet extends MtmCommand {
    @Reference SettingService settings;

    @Argument(index = 0, name = "key", required = true, description = "Setting key")
    @Completion(Completers.Settings.class)
    String key;

    @Argument(index = 1, name = "value", required = true, description = "New value")
    String value;

    @Override
    protected void run(Caller c) {
        Setting s = settings.set(c, key, value);
        done(s, s.key() + " = " + s.value());
    }
}
