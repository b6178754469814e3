/**
 * Small helpers every domain's service layer shares: field validation in the API's own words, pages of a list
 * (offset or keyset), reads remembered until a change notice says the rows changed, and the steps that installed
 * bundles declare (a deletion's, which must not complete without them).
 */
@Version("1.2.0")
package org.mtmanager.platform.util;

import org.osgi.annotation.versioning.Version;
