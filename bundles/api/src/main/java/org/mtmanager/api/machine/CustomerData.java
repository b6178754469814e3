package org.mtmanager.api.machine;

import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.field.Formats;

/** The end customer of one machine: informative, but every field is required. */
public record CustomerData(String company, String contact, String email, String phone, String address, String taxId) {
    public static final FieldSpec COMPANY = FieldSpec.text("company", 200).mandatory().example("Example Dental S.L.");
    public static final FieldSpec CONTACT = FieldSpec.text("contact", 200).mandatory().example("Ana Ruiz");
    public static final FieldSpec EMAIL = Formats.EMAIL.mandatory();
    public static final FieldSpec PHONE = FieldSpec.text("phone", 41).mandatory()
        .matching("^\\+?[0-9 ()./\\-]{4,40}$", "must be a phone number such as +34 910 000 000")
        .example("+34 910 000 000");
    public static final FieldSpec ADDRESS = FieldSpec.text("address", 500).mandatory().example("Calle Mayor 1, 28013 Madrid");
    public static final FieldSpec TAX_ID = FieldSpec.text("taxId", 40).mandatory().example("B12345678");
}
