package org.mtmanager.shell.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mtmanager.api.Caller;
import org.mtmanager.api.audit.AuditService;
import org.mtmanager.api.audit.ChainVerification;
import org.mtmanager.shell.support.MtmCommand;

@Service
@Command(scope = "mtm", name = "audit-verify", description = "Verify the audit log's hash chain (platform administrators)")
public class AuditVerify extends MtmCommand {
    @Reference AuditService audit;

    @Override
    protected void run(Caller c) {
        ChainVerification v = audit.verify(c);
        done(v, (v.intact() ? "INTACT: " : "BROKEN: ") + v.message());
        if (!v.intact()) {
            throw new IllegalStateException("the audit chain is broken at entry " + v.firstBadSeq());
        }
    }
}
