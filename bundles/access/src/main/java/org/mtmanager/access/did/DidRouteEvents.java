package org.mtmanager.access.did;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mtmanager.api.did.DidRouteListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the {@link DidRouteListener}s of the DID table's committed changes; a listener that throws is logged. */
@Component(service = DidRouteEvents.class)
public class DidRouteEvents {
    private static final Logger LOG = LoggerFactory.getLogger(DidRouteEvents.class);

    private final List<DidRouteListener> listeners = new CopyOnWriteArrayList<>();

    /** Events no one hears: for a service made without DS. */
    public static DidRouteEvents none() {
        return new DidRouteEvents();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void addListener(DidRouteListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DidRouteListener listener) {
        listeners.remove(listener);
    }

    /** After a commit: these numbers' routes changed (empty: any may have). */
    public void changed(Set<String> numbers) {
        Set<String> copy = Set.copyOf(numbers);
        for (DidRouteListener l : listeners) {
            try {
                l.routesChanged(copy);
            } catch (RuntimeException e) {
                LOG.warn("A DID route listener failed on {}: {}", copy, e.toString());
            }
        }
    }
}
