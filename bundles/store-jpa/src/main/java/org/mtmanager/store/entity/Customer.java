package org.mtmanager.store.entity;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import org.mtmanager.api.machine.CustomerData;

/**
 * The end customer of a machine, as a machine and its draft both keep it: the same six columns in each table
 * (COMPANY, CONTACT, EMAIL, PHONE, ADDRESS, TAXID), so that a draft's customer becomes its machine's whole. A value:
 * an entity takes a copy of it, never shares one (OpenJPA tracks an embedded instance as its owner's).
 */
@Embeddable
public class Customer {
    @Column(length = 200)
    private String company;
    @Column(length = 200)
    private String contact;
    @Column(length = 254)
    private String email;
    @Column(length = 40)
    private String phone;
    @Column(length = 500)
    private String address;
    @Column(length = 40)
    private String taxId;

    /** For JPA: a customer with no data. */
    public Customer() {
    }

    public Customer(CustomerData data) {
        this.company = data.company();
        this.contact = data.contact();
        this.email = data.email();
        this.phone = data.phone();
        this.address = data.address();
        this.taxId = data.taxId();
    }

    /** The customer as the API shows it. */
    public CustomerData data() {
        return new CustomerData(company, contact, email, phone, address, taxId);
    }
}
