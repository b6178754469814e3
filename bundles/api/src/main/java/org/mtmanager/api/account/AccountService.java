package org.mtmanager.api.account;

import java.util.List;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;

/**
 * Creates, reads, changes, suspends and deletes accounts inside the caller's subtree, and manages their portal
 * whitelists. Every method checks the caller's scope and role and records the change in the audit log; an
 * account outside the caller's subtree is reported as {@link org.mtmanager.api.ErrorCode#NOT_FOUND}.
 */
public interface AccountService {

    Account create(Caller caller, AccountDraft draft);

    Account get(Caller caller, long id);

    /** Looks an account up by id or by exact name within the caller's subtree (for consoles and completion). */
    Account find(Caller caller, String idOrName);

    Page<Account> list(Caller caller, AccountQuery query, PageRequest page);

    Account update(Caller caller, long id, AccountChange change);

    Account suspend(Caller caller, long id);

    Account resume(Caller caller, long id);

    /**
     * Requires (or stops requiring) two-factor authentication of every user of the account's subtree: the
     * account's own administrators and those above it may set it; audited.
     */
    Account requireTwoFactor(Caller caller, long id, boolean required);

    /**
     * Deletes an account that owns nothing living: CONFLICT, naming each, while it has child accounts, machines not
     * deleted, their jobs, grants, forwards or DID routes, plan changes waiting for a decision, or plans that live
     * machines use. Its users (with their sessions and tokens), whitelist, drafts, price list and plans go with it;
     * its billing history, deleted machines and audit entries stay.
     */
    void delete(Caller caller, long id);

    List<WhitelistEntry> whitelist(Caller caller, long accountId);

    /** Replaces the whole whitelist; an empty list lets the account's users in from anywhere. */
    List<WhitelistEntry> replaceWhitelist(Caller caller, long accountId, List<WhitelistEntry> entries);

    List<WhitelistEntry> addToWhitelist(Caller caller, long accountId, WhitelistEntry entry);

    List<WhitelistEntry> removeFromWhitelist(Caller caller, long accountId, String cidr);
}
