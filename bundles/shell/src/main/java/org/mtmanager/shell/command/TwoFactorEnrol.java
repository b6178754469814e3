package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.user.TwoFactorEnrolment;
import org.mtmanager.api.user.TwoFactorService;
import org.mtmanager.shell.support.JsonOut;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "2fa-enrol", description = "Start your own two-factor (TOTP) enrolment: prints the "
    + "secret, its otpauth URI and recovery codes once; confirm with mtm:2fa-confirm")
public class TwoFactorEnrol extends MtmCommand {
    @Reference TwoFactorService twoFactor;

    @Override
    protected boolean allowedBeforeEnrolment() {
        return true;
    }

    @Override
    protected void run(Caller c) {
        TwoFactorEnrolment e = twoFactor.enrol(c);
        if (json) {
            out().println(JsonOut.write(e));
            return;
        }
        out().println("Secret:         " + e.secret());
        out().println("URI:            " + e.uri());
        out().println("Recovery codes: " + String.join(" ", e.recoveryCodes()));
        out().println("They are shown only now. Confirm with mtm:2fa-confirm CODE; from then on the console takes "
            + "PASSWORD:CODE as the password.");
    }
}
