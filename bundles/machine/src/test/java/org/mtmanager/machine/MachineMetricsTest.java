package org.mtmanager.machine;

import static org.junit.Assert.assertEquals;
import static org.mtmanager.machine.JobEngineTest.await;

import java.util.HashMap;
import java.util.Map;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.spi.hypervisor.HostSettings;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.tenant.TenantFixture;

/**
 * The machines' metrics: the counts are the database's (each configured host with every state, 0 where it has
 * none; jobs by every type and state), and a job's duration is observed once, when it ends.
 */
public class MachineMetricsTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private final Infrastructure infra = new Infrastructure();
    private TestNode node;

    @After
    public void stop() throws InterruptedException {
        if (node != null) {
            node.stop();
        }
    }

    /** Each point of the metric {@code name}, by its labels written as {@code a=x,b=y} (in the names' order). */
    private static Map<String, Double> points(MachineMetrics metrics, String name) {
        Map<String, Double> out = new HashMap<>();
        for (MetricSnapshot s : metrics.collect()) {
            if (!s.getMetadata().getName().equals(name)) {
                continue;
            }
            if (s instanceof GaugeSnapshot g) {
                g.getDataPoints().forEach(p -> out.put(text(p.getLabels()), p.getValue()));
            } else if (s instanceof HistogramSnapshot h) {
                h.getDataPoints().forEach(p -> out.put(text(p.getLabels()), (double) p.getCount()));
            }
        }
        return out;
    }

    private static String text(Labels labels) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            b.append(i == 0 ? "" : ",").append(labels.getName(i)).append('=').append(labels.getValue(i));
        }
        return b.toString();
    }

    @Test
    public void theCountsAreTheDatabasesAndAJobsDurationIsObservedWhenItEnds() throws Exception {
        infra.addHost(new HostConfig(new HostSettings("h1", "memory", Map.of()), 32, 65536, 1000));
        infra.addHost(new HostConfig(new HostSettings("h2", "memory", Map.of()), 32, 65536, 1000));
        infra.addDriver(new JobEngineTest.MemoryDriver(), Map.of(HypervisorDriver.TYPE_PROPERTY, "memory"));
        node = TestNode.start(f.store, infra);
        MachineServiceImpl machines = new MachineServiceImpl(f.store, f.audit, f.plans, infra, node.engine);
        MachineMetrics metrics = new MachineMetrics(f.store, node.engine, infra);

        Map<String, Double> empty = points(metrics, "mtm_machines");
        assertEquals("two hosts, every state but DELETED", 2 * (MachineState.values().length - 1), empty.size());
        assertEquals(0.0, empty.values().stream().mapToDouble(Double::doubleValue).sum(), 0);
        assertEquals(0.0, points(metrics, "mtm_job_duration_seconds").get("state=SUCCEEDED,type=CREATE"), 0);

        long draft = machines.saveDraft(f.admin, new MachineRequest(null, "pbx-metrics", null, new CustomerData("Co",
            "Ann", "ann@example.com", "+34 600 000 000", "Street 1", "B1"), "S", 5, 1, null)).id();
        Job job = machines.create(f.admin, draft, null);
        await(() -> "SUCCEEDED".equals(f.store.read(em -> em.find(JobEntity.class, job.id()).getState())));
        String host = machines.get(f.admin, job.machineId()).host();

        Map<String, Double> running = points(metrics, "mtm_machines");
        assertEquals(1.0, running.get("host=" + host + ",state=RUNNING"), 0);
        assertEquals(1.0, running.values().stream().mapToDouble(Double::doubleValue).sum(), 0);
        Map<String, Double> jobs = points(metrics, "mtm_jobs");
        assertEquals(1.0, jobs.get("state=SUCCEEDED,type=CREATE"), 0);
        assertEquals(1.0, jobs.values().stream().mapToDouble(Double::doubleValue).sum(), 0);
        assertEquals(6 * 5, jobs.size());
        await(() -> points(metrics, "mtm_job_duration_seconds").get("state=SUCCEEDED,type=CREATE") == 1.0);
        assertEquals(0.0, points(metrics, "mtm_job_duration_seconds").get("state=FAILED,type=CREATE"), 0);
    }
}
