package org.mtmanager.rest.resource;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.mtmanager.api.Page;
import org.mtmanager.api.node.Node;
import org.mtmanager.api.node.NodeService;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /nodes}: the server nodes on the platform's database, their state and the jobs and duties each holds (platform administrators). */
@Path("/nodes")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=120")
public class NodeResource implements RestResource {
    private final NodeService nodes;

    @Activate
    public NodeResource(@Reference NodeService nodes) {
        this.nodes = nodes;
    }

    @GET
    @Doc(value = "Every server node with its state (UP, DOWN after its lease without a heartbeat, STOPPED) and the"
        + " jobs and duties whose lease it holds (platform administrators)", returns = Node.class, page = true)
    public Page<Node> list(@Context HttpServletRequest req) {
        return nodes.list(Params.caller(req));
    }
}
