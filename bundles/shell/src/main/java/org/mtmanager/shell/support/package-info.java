/**
 * What an {@code mtm:*} console command is made of, for the commands of this bundle and of any other (a domain's
 * commands live in its own bundle, which Karaf registers when that bundle's services are there): {@link
 * org.mtmanager.shell.support.MtmCommand}, acting as the console's user with the API's errors and {@code --json},
 * and the JSON it prints; how a command names a machine ({@link org.mtmanager.shell.support.Machines}); and the
 * tenant model's completers with the completion helper ({@link org.mtmanager.shell.support.Completers}), which this
 * bundle registers as console services for every bundle's commands to name.
 */
@Version("1.1.0")
package org.mtmanager.shell.support;

import org.osgi.annotation.versioning.Version;
