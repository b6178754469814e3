package org.mtmanager.spi.firewall;

import java.util.List;

/** Enforces the platform's access policy on one kind of packet filter. Calls may block; they are idempotent. */
public interface FirewallBackend {

    /** The OSGi service property that names the backend type. */
    String TYPE_PROPERTY = "mtm.firewall";

    String type();

    /** Why this backend cannot work with these settings now (a missing tool, no permission), with remedies. */
    List<String> problems(FirewallSettings settings);

    /** Makes the backend hold exactly {@code policy} for the platform, in one transaction where it can. */
    void apply(FirewallSettings settings, Policy policy) throws FirewallException;

    /** Adds these entries, leaving every other one as it is. */
    void add(FirewallSettings settings, Policy entries) throws FirewallException;

    /** Removes these entries, leaving every other one as it is; entries already absent are fine. */
    void remove(FirewallSettings settings, Policy entries) throws FirewallException;

    /** What is installed now for the platform. */
    Policy installed(FirewallSettings settings) throws FirewallException;

    /** Ends the established connections that {@code allow} admitted (revoking must not leave them open). */
    void cut(FirewallSettings settings, Policy.Allow allow) throws FirewallException;
}
