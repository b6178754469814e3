/**
 * The JPA entities of the platform's own state. The core reads and writes them inside {@link
 * org.mtmanager.store.Store} transactions; no other bundle should touch them. Tables are prefixed {@code MTM_}.
 */
package org.mtmanager.store.entity;
