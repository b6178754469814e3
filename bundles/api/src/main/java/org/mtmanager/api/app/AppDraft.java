package org.mtmanager.api.app;

import java.util.Arrays;

import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.field.Formats;

/**
 * An app to add, or the changes to one (null fields unchanged on update).
 *
 * @param licenceType PER_MACHINE or PER_USER
 */
public record AppDraft(String key, String name, String licenceType, String description, Boolean enabled) {
    public static final FieldSpec KEY = Formats.KEY.mandatory();
    public static final FieldSpec NAME = FieldSpec.text("name", 100).mandatory().example("Call recording");
    public static final FieldSpec LICENCE_TYPE = FieldSpec.oneOf("licenceType",
        Arrays.stream(LicenceType.values()).map(LicenceType::name).toList()).mandatory();
    public static final FieldSpec DESCRIPTION = FieldSpec.text("description", 500).example("Records calls to a file per day");
}
