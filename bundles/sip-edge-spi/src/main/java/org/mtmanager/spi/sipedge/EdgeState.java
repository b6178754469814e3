package org.mtmanager.spi.sipedge;

import java.util.List;

/**
 * What an edge holds, as it says itself.
 *
 * @param running    whether it answers at all; the rest is empty when it does not
 * @param generation the generation of its last load ({@link EdgeTable#generation()}); empty when it was never
 *                   loaded since it started
 * @param routes     how many routes it holds
 * @param carriers   the sources it admits
 * @param detail     why it does not answer, or empty
 */
public record EdgeState(boolean running, String generation, long routes, List<String> carriers, String detail) {
    public EdgeState {
        generation = generation == null ? "" : generation;
        carriers = List.copyOf(carriers);
        detail = detail == null ? "" : detail;
    }

    /** An edge that does not answer, and why. */
    public static EdgeState down(String detail) {
        return new EdgeState(false, "", 0, List.of(), detail);
    }
}
