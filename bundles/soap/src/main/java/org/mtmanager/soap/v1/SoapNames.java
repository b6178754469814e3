package org.mtmanager.soap.v1;

/** Names fixed by the published contract. */
public final class SoapNames {
    public static final String NS = "urn:mtmanager:soap:v1";

    private SoapNames() {
    }
}
