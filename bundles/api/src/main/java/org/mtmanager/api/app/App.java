package org.mtmanager.api.app;

/** A catalog app; {@code key} is its stable identifier ("cloudphone"). */
public record App(String key, String name, LicenceType licenceType, String description, boolean enabled) {
}
