package org.mtmanager.api.audit;

import java.time.Instant;

import org.mtmanager.api.Channel;

/**
 * One audit record.
 *
 * @param seq            position in the chain, from 1
 * @param actor          the user name that acted ("system" for the platform itself)
 * @param actorAccountId the actor's account, 0 when unknown (an unknown user name at login)
 * @param action         dotted verb, e.g. "account.create", "setting.set", "auth.login"
 * @param targetType     what was acted on ("account", "user", ...)
 * @param targetId       its id or key
 * @param accountId      the account the entry concerns, which decides who may read it
 * @param detail         a human summary; never a password
 * @param hash           SHA-256 over this entry and the previous entry's hash, hex
 */
public record AuditEntry(long seq, Instant time, String actor, long actorAccountId, String sourceIp,
                         Channel channel, String action, String targetType, String targetId, long accountId,
                         Outcome outcome, String detail, String prevHash, String hash) {
}
