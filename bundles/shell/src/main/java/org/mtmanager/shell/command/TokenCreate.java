package org.mtmanager.shell.command;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.user.CreatedToken;
import org.mtmanager.api.user.TokenDraft;
import org.mtmanager.api.user.TokenService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "token-create", description = "Create an API token of your own; its secret is printed only now")
public class TokenCreate extends MtmCommand {
    @Reference TokenService tokens;

    @Argument(index = 0, name = "name", required = true, description = "What the token is for") String name;
    @Option(name = "--scope", description = "read, billing or full (default read)") String scope = "read";
    @Option(name = "--cidr", multiValued = true, description = "An address range it may be used from (repeatable)")
    List<String> cidrs;
    @Option(name = "--expires", description = "Expiry, ISO-8601 (2030-01-31T00:00:00Z)") String expires;
    @Option(name = "--password", description = "Your password again (asked for when absent)") String password;
    @Option(name = "--otp", description = "Your two-factor code, where it is on (asked for when absent)") String otp;

    @Override
    protected void run(Caller c) throws Exception {
        Instant at;
        try {
            at = expires == null ? null : Instant.parse(expires);
        } catch (DateTimeParseException e) {
            throw MtmException.invalid("expiresAt", "must be an ISO-8601 instant such as 2030-01-31T00:00:00Z");
        }
        TokenDraft draft = new TokenDraft(name, scope, cidrs == null ? List.of() : cidrs, at);
        CreatedToken t = dangerous(c, password, otp, as -> tokens.create(as, draft));
        done(t, "Token " + t.token().id() + " (" + t.token().scope() + "): " + t.secret()
            + "\nIt is shown only now.");
    }
}
