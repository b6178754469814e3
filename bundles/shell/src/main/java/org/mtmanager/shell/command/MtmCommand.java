package org.mtmanager.shell.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.shell.support.ConsoleCaller;
import org.mtmanager.shell.support.JsonOut;

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
            run(ConsoleCaller.of(auth));
            return null;
        } catch (MtmException e) {
            throw new IllegalArgumentException(e.code() + (e.field() == null ? "" : " [" + e.field() + "]") + ": "
                + e.getMessage());
        }
    }

    protected abstract void run(Caller caller) throws Exception;

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
    protected String secret(String given, String prompt) throws java.io.IOException {
        return given != null ? given : session.readLine(prompt, '*');
    }

    static String s(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
