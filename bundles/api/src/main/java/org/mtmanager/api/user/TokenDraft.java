package org.mtmanager.api.user;

import java.time.Instant;
import java.util.List;

/** A token to create: its name, scope ("read", "billing", "full"), optional CIDR whitelist and expiry. */
public record TokenDraft(String name, String scope, List<String> cidrs, Instant expiresAt) {
}
