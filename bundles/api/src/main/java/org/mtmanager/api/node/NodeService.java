package org.mtmanager.api.node;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;

/** The server nodes, for the platform's administrators (others get 403). */
public interface NodeService {

    /** Every node that ever joined, by name, with its state and jobs. */
    Page<Node> list(Caller caller);
}
