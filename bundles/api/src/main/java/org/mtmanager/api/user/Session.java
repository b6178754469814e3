package org.mtmanager.api.user;

import java.time.Instant;

/**
 * A login session, without its key (which only the client holds).
 *
 * @param current   whether it is the session of the request that lists it
 * @param expiresAt the absolute end; a session also ends after {@code portal.session-idle-minutes} without use
 * @param endedAt   when it was logged out, revoked or found idle; null while it lives
 */
public record Session(long id, long userId, String channel, String sourceIp, String userAgent, Instant createdAt,
                      Instant lastSeenAt, Instant expiresAt, Instant endedAt, String endReason, boolean current) {
}
