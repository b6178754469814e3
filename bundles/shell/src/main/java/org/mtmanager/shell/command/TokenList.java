package org.mtmanager.shell.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mtmanager.api.Caller;
import org.mtmanager.api.user.ApiToken;
import org.mtmanager.api.user.TokenService;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "token-list", description = "List your API tokens (never their secrets)")
public class TokenList extends MtmCommand {
    @Reference TokenService tokens;

    @Override
    protected void run(Caller c) {
        List<ApiToken> all = tokens.list(c);
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Scope");
        table.column("CIDRs");
        table.column("Expires");
        table.column("Revoked");
        table.column("Last use");
        for (ApiToken t : all) {
            table.addRow().addContent(t.id(), t.name(), t.scope(), String.join(" ", t.cidrs()), s(t.expiresAt()),
                s(t.revokedAt()), t.lastUsedAt() == null ? "" : t.lastUsedAt() + " from " + t.lastUsedIp());
        }
        print(all, table);
    }
}
