package org.mtmanager.rest.support;

/**
 * A JAX-RS root resource of the API, published at {@code /mtm/api/v1} for as long as it is registered as this
 * service: a domain's resources come and go with the services they front (a DS component's references), or with
 * the bundle that registers them, and the OpenAPI document lists what is published. Each answers through the
 * API's one authentication filter, JSON mapping and error mappers.
 */
public interface RestResource {
    /** Service property (an integer): the resource's place in the OpenAPI document, lowest first. */
    String ORDER = "mtm.rest.order";
}
