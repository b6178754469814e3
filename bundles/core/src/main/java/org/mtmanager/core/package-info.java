/**
 * The service layer: every business rule and every authorisation check of MT Manager. Each sub-package
 * implements the interfaces of one capability of {@code org.mtmanager.api} as DS components over the {@link
 * org.mtmanager.store.Store}. Nothing here is exported; facades and plug-ins reach it only through the API
 * services.
 */
package org.mtmanager.core;
