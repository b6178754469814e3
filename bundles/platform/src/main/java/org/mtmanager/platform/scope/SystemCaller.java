package org.mtmanager.platform.scope;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;

/**
 * The platform acting on its own behalf (a scheduled duty, a reconciliation, a login's own bookkeeping), with the
 * platform administrator's scope. The tenant model's bootstrap provides it, since it creates the root account
 * whose scope that is; whoever needs it depends on this alone, not on the bootstrap.
 */
public interface SystemCaller {
    Caller systemCaller(Channel channel);
}
