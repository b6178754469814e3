package org.mtmanager.shell.support;

import java.io.IOException;
import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.user.AuthService;

/**
 * What every {@code mtm:*} command shares: acting as the console's user, {@code --json} output, and errors
 * printed with the same code and field as the REST API (the command then fails, so scripts see it).
 */
public abstract class MtmCommand implements Action {

    @Reference
    protected AuthService auth;

    @Reference
    protected Session session;

    @Option(name = "--json", description = "Print JSON instead of a table")
    protected boolean json;

    @Override
    public final Object execute() throws Exception {
        try {
            Caller caller = ConsoleCaller.of(auth);
            if (caller.credential().enrolmentOnly() && !allowedBeforeEnrolment()) {
                throw new MtmException(ErrorCode.TWO_FACTOR_REQUIRED, "otp", "your account requires "
                    + "two-factor authentication: enrol first with mtm:2fa-enrol and mtm:2fa-confirm");
            }
            run(caller);
            return null;
        } catch (MtmException e) {
            throw new IllegalArgumentException(e.code() + (e.field() == null ? "" : " [" + e.field() + "]") + ": "
                + e.getMessage());
        }
    }

    protected abstract void run(Caller caller) throws Exception;

    /** Whether a user who must still enrol in two-factor authentication may run the command (only enrolment may). */
    protected boolean allowedBeforeEnrolment() {
        return false;
    }

    /** A service call that may need the password again. */
    protected interface Dangerous<T> {
        T run(Caller caller) throws Exception;
    }

    /**
     * Runs a dangerous action: with {@code --password} given, after checking it; otherwise as the caller, and only
     * when the service asks for the password again, after prompting for it (so that a refusal for another reason,
     * like a missing right, comes first and without a prompt).
     */
    protected <T> T dangerous(Caller caller, String password, String otp, Dangerous<T> action) throws Exception {
        if (password != null) {
            return action.run(again(caller, password, otp));
        }
        try {
            return action.run(caller);
        } catch (MtmException e) {
            if (e.code() != ErrorCode.REAUTHENTICATION_REQUIRED) {
                throw e;
            }
            return action.run(again(caller, null, otp));
        }
    }

    /**
     * The caller after giving the password again (and the two-factor code where it is on), as dangerous actions
     * need; each is asked for without echo when not given. The platform itself (the local console) has none.
     */
    protected Caller again(Caller caller, String password, String otp) throws IOException {
        if (caller.userId() == 0 || caller.credential().reauthenticated()) {
            return caller;
        }
        String pw = secret(password, "Password: ");
        try {
            return auth.reauthenticate(caller, pw, otp);
        } catch (MtmException e) {
            if (otp != null || !"otp".equals(e.field()) || e.code() != ErrorCode.UNAUTHENTICATED) {
                throw e;
            }
            return auth.reauthenticate(caller, pw, session.readLine("Two-factor code: ", '*'));
        }
    }

    protected PrintStream out() {
        return session.getConsole();
    }

    /** Prints a value as JSON when asked, else the table the command built. */
    protected void print(Object value, ShellTable table) {
        if (json) {
            out().println(JsonOut.write(value));
        } else {
            table.print(out());
        }
    }

    /** Prints a single result: JSON when asked, else one line. */
    protected void done(Object value, String line) {
        out().println(json ? JsonOut.write(value) : line);
    }

    /** Reads a secret without echo when the user did not pass it on the command line. */
    protected String secret(String given, String prompt) throws IOException {
        return given != null ? given : session.readLine(prompt, '*');
    }

    protected static String s(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
