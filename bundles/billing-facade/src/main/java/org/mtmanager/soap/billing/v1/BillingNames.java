package org.mtmanager.soap.billing.v1;

/** Names fixed by the published billing contract. */
public final class BillingNames {
    public static final String NS = "urn:mtmanager:soap:billing:v1";
    public static final String FAULT = "BillingFault";

    private BillingNames() {
    }
}
