/**
 * DID routing: the platform-wide table that tells the platform's SIP edge which machine a dialled number
 * (a DID) belongs to, for carriers that do not send the target machine's internal address.
 *
 * <h2>Numbers</h2>
 * A route's number is an E.164 number or a prefix of one: 1 to 15 digits, the first not 0, with an optional
 * leading {@code +}. Spaces, dots and parentheses are ignored, so {@code +34 (91) 555 00}, {@code 349155500} and
 * {@code +349155500} are the same route; it is always shown as {@code +} and digits. National forms
 * ({@code 0...}, {@code 00...}) are refused rather than guessed, and so is a dash, which reads like a range.
 *
 * <h2>Ranges are prefixes</h2>
 * The table holds prefixes only. A range is written as the prefixes that cover it: {@code +3491555 0000-0999} is
 * the prefix {@code +34915550}; {@code 0000-1499} is {@code +34915550} and {@code +349155510} ... {@code +349155514}.
 * A full number is simply the longest possible prefix.
 *
 * <h2>Matching</h2>
 * A number goes to the route with the longest prefix of it; a number with no such prefix is not routed. Only the
 * platform's own SIP edge sees the whole table: a lookup answers for the caller's scope, and a number whose
 * longest match is a route of a machine outside that scope is reported as not routed (never the shorter,
 * wrong, route that the caller would otherwise see).
 *
 * <h2>Ambiguity and overlaps</h2>
 * With longest-prefix matching a number is ambiguous only when two routes have the same prefix, so:
 * <ul>
 *   <li>the same prefix twice is refused (CONFLICT), in the table and inside one imported file;</li>
 *   <li>a prefix nested in another (longer under shorter, either way round) is allowed when both routes are
 *       managed by the same caller: the longer one wins, for any machines, and a longer one to the same machine
 *       is merely redundant;</li>
 *   <li>a prefix nested in, or covering, a route of a machine outside the caller's subtree is refused
 *       (RULE_VIOLATION): it would take numbers from, or claim the rest of, a block that someone else routes.
 *       The platform administrator sees every machine, so this never applies to it.</li>
 * </ul>
 *
 * <h2>Who may do what</h2>
 * Platform administrators and operator administrators manage the table, within their subtree: an operator routes
 * only to machines it sees. Every other caller sees (read-only) the routes of the machines in its own subtree,
 * so a reseller sees the routes of its own machines; writing is FORBIDDEN to it, and a route of a machine outside
 * a caller's subtree is NOT_FOUND. Routes go only to live machines (not DELETING or DELETED), and a machine's
 * routes are removed, and audited, when its delete job finishes. Every change is audited against the machine's
 * account.
 *
 * <h2>CSV</h2>
 * UTF-8, comma-separated, RFC 4180 quoting ({@code "a, ""b"""}), CRLF or LF. The first line is the header
 * {@code number,machine,description} (the description column may be left out); then one route per line. Empty
 * lines are skipped. {@code machine} is a hostname, a serial or a machine id. An import checks every line first
 * (number, machine, duplicates inside the file, conflicts with the table) and applies nothing if any line is bad,
 * reporting each bad line with its number, field and rule. A line whose number is already routed by the caller
 * replaces that route's machine and description; with {@code replace}, the caller's routes that the file does
 * not name are removed too. An export writes the caller's visible routes in the same format, by number.
 */
@Version("1.1.0")
package org.mtmanager.api.did;

import org.osgi.annotation.versioning.Version;
