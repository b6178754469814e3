package org.mtmanager.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.mtmanager.rest.cfg}. */
@ObjectClassDefinition(name = "MT Manager REST API")
public @interface RestConfig {
    @AttributeDefinition(description = "Address of the API under the CXF servlet context (/mtm by default)")
    String address() default "/api/v1";
}
