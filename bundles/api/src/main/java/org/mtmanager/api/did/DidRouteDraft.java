package org.mtmanager.api.did;

import org.mtmanager.api.field.FieldSpec;

/**
 * A route to add, or the changes to a route (null fields keep their value).
 *
 * @param number      an E.164 number or prefix ({@code +34915550}); see the package documentation
 * @param machine     the target machine: its hostname, serial or id
 * @param description free text, optional (at most 200 characters); on update an empty one clears it
 */
public record DidRouteDraft(String number, String machine, String description) {
    public static final FieldSpec NUMBER = FieldSpec.value("number").mandatory().example("+34915550");
    public static final FieldSpec MACHINE = FieldSpec.value("machine").mandatory().example("dental-madrid");
    public static final FieldSpec DESCRIPTION = FieldSpec.text("description", 200).example("Madrid reception");
}
