/**
 * The Karaf console facade: {@code mtm:*} commands over the API services, and the JAAS realm that makes console
 * and SSH logins authenticate against the platform's users. Each command acts as the logged-in user, with that
 * user's scope and role; the local console of a Karaf administrator acts as the platform itself.
 */
package org.mtmanager.shell;
