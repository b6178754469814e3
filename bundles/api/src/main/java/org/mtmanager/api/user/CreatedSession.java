package org.mtmanager.api.user;

import org.mtmanager.api.Caller;

/**
 * A session just opened: its key goes into an HttpOnly cookie and is never shown again; the CSRF token is derived
 * from the key, so a page can ask for it again ({@link SessionService#csrfToken}) without storing anything.
 *
 * @param key               the session key ({@code mts_<id>_<random>})
 * @param csrfToken         what every state-changing request of the session must send in {@code X-CSRF-Token}
 * @param idleTimeoutSeconds after this long without a request the session ends
 * @param caller            who the session acts as
 */
public record CreatedSession(Session session, String key, String csrfToken, long idleTimeoutSeconds, Caller caller) {
}
