package org.mtmanager.portal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.mtmanager.portal.cfg} (optional). */
@ObjectClassDefinition(name = "MT Manager web portal")
public @interface PortalConfig {
    @AttributeDefinition(description = "Where the portal is served. It finds the REST API at ../api/v1 from there, "
        + "so keep it beside the API (under the CXF servlet context, /mtm by default)")
    String alias() default "/mtm/portal";
}
