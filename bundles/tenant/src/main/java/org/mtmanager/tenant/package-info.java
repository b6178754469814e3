/**
 * The tenant model, the lowest domain: accounts and users ({@code account}), identity ({@code security}), the audit
 * log's reading ({@code audit}), settings, resource plans and apps ({@code catalog}), and the first start
 * ({@code bootstrap}). Each sub-package implements interfaces of {@code org.mtmanager.api} as DS components over the
 * {@link org.mtmanager.store.Store}. Nothing here is exported: the domains above (machines, network access,
 * billing) reach it through the API services, and share with it only the platform bundle (the caller's scope).
 */
package org.mtmanager.tenant;
