package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.user.TwoFactorService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "2fa-confirm", description = "Turn your two-factor authentication on with a first code")
public class TwoFactorConfirm extends MtmCommand {
    @Reference TwoFactorService twoFactor;

    @Argument(index = 0, name = "code", required = true, description = "The current 6-digit code") String code;

    @Override
    protected boolean allowedBeforeEnrolment() {
        return true;
    }

    @Override
    protected void run(Caller c) {
        twoFactor.confirm(c, code);
        done(null, "Two-factor authentication is on");
    }
}
