/**
 * The rules of input fields, declared once beside the values that carry them: the core validates with them and
 * the REST facade publishes them in its OpenAPI document, so a generated client and the server agree.
 */
@Version("1.0.0")
package org.mtmanager.api.field;

import org.osgi.annotation.versioning.Version;
