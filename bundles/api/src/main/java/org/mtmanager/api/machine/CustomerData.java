package org.mtmanager.api.machine;

/** The end customer of one machine: informative, but every field is required. */
public record CustomerData(String company, String contact, String email, String phone, String address, String taxId) {
}
