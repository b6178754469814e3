package org.mtmanager.api.did;

import org.mtmanager.api.machine.MachineState;

/**
 * What the SIP edge needs to deliver a call: the route the number matched, by longest prefix, and where its
 * machine is.
 *
 * @param number       the number looked up, normalised
 * @param route        the matching route
 * @param internalIp   the machine's internal address
 * @param machineState the machine's state, so the edge can refuse calls to a machine that is not RUNNING
 */
public record DidMatch(String number, DidRoute route, String internalIp, MachineState machineState) {
}
