/**
 * The vocabulary shared by every MT Manager bundle: the acting {@link org.mtmanager.api.Caller}, the
 * error model ({@link org.mtmanager.api.MtmException} with an {@link org.mtmanager.api.ErrorCode} and the
 * offending field), and paging. Sub-packages hold one capability each: its immutable values and the service
 * interface that the core implements and every facade (REST, SOAP, console) calls.
 *
 * <p>Nothing here depends on JPA, CXF or a driver, so a facade or a plug-in compiles against this bundle alone.
 */
@Version("1.0.0")
package org.mtmanager.api;

import org.osgi.annotation.versioning.Version;
