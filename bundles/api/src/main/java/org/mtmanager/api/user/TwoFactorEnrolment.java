package org.mtmanager.api.user;

import java.util.List;

/**
 * What an enrolment in two-factor authentication shows once: the TOTP secret (Base32), the {@code otpauth://} URI
 * authenticator apps read, and single-use recovery codes. None of it can be read again; the codes are kept hashed.
 */
public record TwoFactorEnrolment(String secret, String uri, List<String> recoveryCodes) {
    public TwoFactorEnrolment {
        recoveryCodes = List.copyOf(recoveryCodes);
    }

    @Override
    public String toString() {
        return "TwoFactorEnrolment[***]";
    }
}
