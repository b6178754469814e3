/**
 * Users and authentication. A user belongs to one account and holds one {@link org.mtmanager.api.Role}.
 * {@link org.mtmanager.api.user.AuthService} turns credentials into a {@link org.mtmanager.api.Caller} for every
 * facade, checking the portal whitelist before the password and locking a user after repeated failures.
 */
@Version("1.0.0")
package org.mtmanager.api.user;

import org.osgi.annotation.versioning.Version;
