package org.mtmanager.api.user;

/** A new token and its secret ({@code mtm_<id>_<random>}), which is shown only this once. */
public record CreatedToken(ApiToken token, String secret) {
    @Override
    public String toString() {
        return "CreatedToken[" + token + ", ***]";
    }
}
