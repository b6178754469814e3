package org.mtmanager.tenant.deletion;

import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.store.entity.AccountEntity;

/**
 * A domain's part in deleting an account, so that the tenant model, the lowest domain, knows no table of the domains
 * above it. Both calls run inside the transaction that deletes the account's row: first every step says what still
 * lives (the deletion is refused, changing nothing, if anything does), then every step releases what only served
 * the account.
 *
 * <p>A step is a DS component named by {@link AccountDeletionStep}: while its bundle is installed, no account is
 * deleted without it (the deletion is refused while the step is not there, as when its bundle restarts), so that an
 * account never goes while a machine, a grant or an unbilled month it owns lives on. A domain that is not installed
 * has nothing to say.
 */
public interface AccountDeletion {
    /**
     * What of this domain still lives under the account, each with what to do about it ("2 machine(s) not deleted
     * (stop and delete them first)"); empty when nothing does.
     */
    List<String> living(EntityManager em, AccountEntity account);

    /** Removes what of this domain only served the account (drafts, a price list); history stays. */
    default void release(EntityManager em, AccountEntity account) {
    }
}
