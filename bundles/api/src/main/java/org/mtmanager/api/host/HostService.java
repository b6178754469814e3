package org.mtmanager.api.host;

import java.util.List;

import org.mtmanager.api.Caller;

/** The hosts, for the platform's administrators (others get 403). */
public interface HostService {

    /** Every configured host, by name. */
    List<Host> list(Caller caller);

    /** One host; 404 if no host has this name. */
    Host get(Caller caller, String name);
}
