package org.mtmanager.machine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.mtmanager.api.job.JobState;
import org.mtmanager.api.job.JobType;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.metrics.Gauges;
import org.mtmanager.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The machines' metrics. The counts come from the database when scraped, so every node reports the whole platform's
 * (aggregate them with {@code max}, not {@code sum}); the job durations are this node's own.
 */
@Component(service = MultiCollector.class)
public class MachineMetrics implements MultiCollector {
    private final Store store;
    private final JobEngine engine;
    private final Infrastructure infra;

    @Activate
    public MachineMetrics(@Reference Store store, @Reference JobEngine engine, @Reference Infrastructure infra) {
        this.store = store;
        this.engine = engine;
        this.infra = infra;
    }

    @Override
    public MetricSnapshots collect() {
        return new MetricSnapshots(machines().snapshot(), jobs().snapshot(), engine.durations.snapshot());
    }

    /**
     * Machines that are not deleted, by state and host: each configured host, and each host that machines name, has
     * every state, 0 where it has none.
     */
    Gauges machines() {
        List<Object[]> rows = store.read(em -> em.createQuery("SELECT m.state, m.host, COUNT(m.id) FROM MachineEntity m"
            + " WHERE m.state <> :deleted GROUP BY m.state, m.host", Object[].class)
            .setParameter("deleted", MachineState.DELETED.name()).getResultList());
        Map<String, Long> counts = new TreeMap<>();
        TreeSet<String> hosts = new TreeSet<>();
        infra.hosts().forEach(h -> hosts.add(h.name()));
        for (Object[] r : rows) {
            String host = r[1] == null ? "" : (String) r[1];
            hosts.add(host);
            counts.put(r[0] + "\n" + host, ((Number) r[2]).longValue());
        }
        Gauges g = Gauges.of("mtm_machines", "Machines that are not deleted, by state and host", "state", "host");
        for (String host : hosts) {
            for (MachineState s : MachineState.values()) {
                if (s != MachineState.DELETED) {
                    g.point(counts.getOrDefault(s.name() + "\n" + host, 0L), s.name(), host);
                }
            }
        }
        return g;
    }

    /** Jobs by type and state, every pair (0 where there is none). */
    Gauges jobs() {
        List<Object[]> rows = store.read(em -> em.createQuery("SELECT j.type, j.state, COUNT(j.id) FROM JobEntity j"
            + " GROUP BY j.type, j.state", Object[].class).getResultList());
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] r : rows) {
            counts.put(r[0] + "\n" + r[1], ((Number) r[2]).longValue());
        }
        Gauges g = Gauges.of("mtm_jobs", "Jobs by type and state", "type", "state");
        for (JobType t : JobType.values()) {
            for (JobState s : JobState.values()) {
                g.point(counts.getOrDefault(t.name() + "\n" + s.name(), 0L), t.name(), s.name());
            }
        }
        return g;
    }
}
