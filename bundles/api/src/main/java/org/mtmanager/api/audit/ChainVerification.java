package org.mtmanager.api.audit;

/**
 * The result of checking the audit chain.
 *
 * @param intact        true when every entry's hash matches its content and its predecessor
 * @param entriesChecked how many entries were read
 * @param firstBadSeq   the first entry that does not match, or 0 when intact
 * @param message       what was found, in words
 */
public record ChainVerification(boolean intact, long entriesChecked, long firstBadSeq, String message) {
}
