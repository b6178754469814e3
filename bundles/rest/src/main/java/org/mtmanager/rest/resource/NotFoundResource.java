package org.mtmanager.rest.resource;

import javax.ws.rs.Path;

import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;

/**
 * Every path under the servlet context that no endpoint serves ("/mtm/etc/passwd", reached through
 * "/mtm/api/v1/accounts/..%2F..%2F..%2F"): a 404 in the API's error document, for any method, where CXF would
 * answer with its own HTML page.
 */
@Path("/")
public class NotFoundResource {

    /** A sub-resource locator matches every method, so that no path answers 405 here. */
    @Path("{any: .*}")
    public Object anything() {
        throw new MtmException(ErrorCode.NOT_FOUND, "no such resource");
    }
}
