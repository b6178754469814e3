package org.mtmanager.api.app;

/**
 * An app to add, or the changes to one (null fields unchanged on update).
 *
 * @param licenceType PER_MACHINE or PER_USER
 */
public record AppDraft(String key, String name, String licenceType, String description, Boolean enabled) {
}
