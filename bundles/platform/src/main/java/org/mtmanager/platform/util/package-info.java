/**
 * Small helpers every domain's service layer shares: field validation in the API's own words, pages of a list
 * (offset or keyset), and reads remembered until a change notice says the rows changed.
 */
@Version("1.1.0")
package org.mtmanager.platform.util;

import org.osgi.annotation.versioning.Version;
