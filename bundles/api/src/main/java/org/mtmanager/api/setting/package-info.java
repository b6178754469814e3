/**
 * Typed platform settings. Some are locked because changing them endangers every machine on the platform (the
 * reserved port range, the SIP policy, host overcommit): they are shown to operators, but only the platform
 * administrator may change them, and every refused attempt is audited.
 */
@Version("1.1.0")
package org.mtmanager.api.setting;

import org.osgi.annotation.versioning.Version;
