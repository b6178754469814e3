/**
 * The JPA entities of the platform's own state. The core reads and writes them inside {@link
 * org.mtmanager.store.Store} transactions; no other bundle should touch them. Tables are prefixed {@code MTM_}.
 */
@Version("1.0.0")
package org.mtmanager.store.entity;

import org.osgi.annotation.versioning.Version;
