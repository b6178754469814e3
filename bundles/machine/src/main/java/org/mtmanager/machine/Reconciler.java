package org.mtmanager.machine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.job.JobState;
import org.mtmanager.api.machine.Drift;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.api.machine.ReconciliationReport;
import org.mtmanager.api.machine.ReconciliationService;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.cluster.DutyLeases;
import org.mtmanager.platform.cluster.DutySchedule;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.spi.hypervisor.DriverException;
import org.mtmanager.spi.hypervisor.DriverMachine;
import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.mtmanager.spi.hypervisor.PowerState;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.MachineEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation (see {@link ReconciliationService}). It runs a minute after start and then every
 * {@code intervalMinutes} ({@code etc/org.mtmanager.reconcile.cfg}, default 10; 0 turns the schedule off), on the
 * one node that holds the {@code reconcile} duty ({@link DutyLeases}); a reconciliation asked for runs where it is
 * asked.
 */
@Component(service = ReconciliationService.class, immediate = true, configurationPid = "org.mtmanager.reconcile")
public class Reconciler implements ReconciliationService {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Store store;
    private final Infrastructure infra;
    private final AuditLog audit;
    private final AuthService auth;
    private final ScheduledExecutorService timer;
    private final DutySchedule schedule;
    private final Clock clock;

    @Activate
    public Reconciler(@Reference Store store, @Reference Infrastructure infra, @Reference AuditLog audit,
                      @Reference AuthService auth, @Reference DutyLeases duties, Map<String, Object> config) {
        this(store, infra, audit, auth, duties, config, Clock.systemUTC());
    }

    public Reconciler(Store store, Infrastructure infra, AuditLog audit, AuthService auth, DutyLeases duties,
                      Map<String, Object> config, Clock clock) {
        this.store = store;
        this.infra = infra;
        this.audit = audit;
        this.auth = auth;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mtm-reconcile");
            t.setDaemon(true);
            return t;
        });
        this.schedule = new DutySchedule(duties, DutyLeases.RECONCILE, timer, this::scheduled);
        schedule(config);
    }

    /**
     * A new interval takes effect at once, without restarting the service (and the facades that hold it); the
     * first tick after a change waits {@code firstDelaySeconds} again.
     */
    @Modified
    void schedule(Map<String, Object> config) {
        long interval = Long.parseLong(String.valueOf(config.getOrDefault("intervalMinutes", "10")));
        long firstDelay = Long.parseLong(String.valueOf(config.getOrDefault("firstDelaySeconds", "60")));
        schedule.every(Duration.ofMinutes(interval), Duration.ofSeconds(firstDelay));
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
        schedule.stop();
    }

    /** One tick of the schedule: whether the scheduled reconciliation was due on this node, and ran. */
    boolean tick() {
        return schedule.tick();
    }

    private void scheduled() {
        try {
            ReconciliationReport r = reconcile(auth.system(Channel.SYSTEM), true);
            if (!r.drifts().isEmpty()) {
                LOG.warn("Reconciliation found {} drift(s): {}", r.drifts().size(), r.drifts());
            }
        } catch (RuntimeException e) {
            LOG.error("Scheduled reconciliation failed", e);
        }
    }

    @Override
    public synchronized ReconciliationReport reconcile(Caller caller, boolean repair) {
        Scope.requirePlatformAdmin(caller);
        List<Drift> drifts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int checked = 0;
        for (HostConfig host : infra.hosts()) {
            Optional<HypervisorDriver> driver = infra.driver(host.settings().driverType());
            if (driver.isEmpty()) {
                skipped.add(host.name() + ": driver " + host.settings().driverType() + " unavailable");
                continue;
            }
            List<DriverMachine> inventory;
            try {
                inventory = driver.get().inventory(host.settings());
            } catch (DriverException e) {
                skipped.add(host.name() + ": " + e.getMessage());
                continue;
            }
            checked++;
            reconcileHost(caller, host, driver.get(), inventory, repair, drifts);
        }
        return new ReconciliationReport(clock.instant(), checked, skipped, drifts);
    }

    private void reconcileHost(Caller caller, HostConfig host, HypervisorDriver driver, List<DriverMachine> inventory,
                               boolean repair, List<Drift> drifts) {
        List<MachineEntity> known = store.read(em -> em.createQuery(
                "SELECT m FROM MachineEntity m WHERE m.host = :h", MachineEntity.class)
            .setParameter("h", host.name()).getResultList());
        List<Long> busy = store.read(em -> em.createQuery(
                "SELECT j.machineId FROM JobEntity j WHERE j.state IN :open", Long.class)
            .setParameter("open", List.of(JobState.QUEUED.name(), JobState.RUNNING.name(), JobState.WAITING.name()))
            .getResultList());
        Map<String, MachineEntity> bySerial = new HashMap<>();
        known.forEach(m -> bySerial.put(m.getSerial(), m));
        Map<String, DriverMachine> present = new HashMap<>();
        inventory.forEach(d -> present.put(d.machineId(), d));

        for (DriverMachine d : inventory) {
            MachineEntity m = bySerial.get(d.machineId());
            boolean orphan = m == null || MachineState.valueOf(m.getState()) == MachineState.DELETED;
            if (orphan && (m == null || !busy.contains(m.getId()))) {
                boolean fixed = false;
                if (repair) {
                    try {
                        driver.destroy(host.settings(), d.machineId());
                        fixed = true;
                    } catch (DriverException e) {
                        LOG.warn("could not destroy orphan {} on {}: {}", d.machineId(), host.name(), e.getMessage());
                    }
                }
                record(caller, drifts, new Drift("ORPHAN", host.name(), d.machineId(), m == null ? 0 : m.getId(),
                    "the host runs a machine the platform " + (m == null ? "does not know" : "deleted"), fixed));
            }
        }
        for (MachineEntity m : known) {
            MachineState state = MachineState.valueOf(m.getState());
            if (state == MachineState.DELETED || state.isTransient() || busy.contains(m.getId())) {
                continue;
            }
            DriverMachine d = present.get(m.getSerial());
            if (d == null) {
                if (state != MachineState.ERROR) {
                    if (repair) {
                        setState(m.getId(), MachineState.ERROR, null);
                    }
                    record(caller, drifts, new Drift("MISSING", host.name(), m.getSerial(), m.getId(),
                        "the machine is gone from its host; marked ERROR", repair));
                }
                continue;
            }
            MachineState actual = d.state() == PowerState.RUNNING ? MachineState.RUNNING
                : d.state() == PowerState.STOPPED ? MachineState.STOPPED : MachineState.ERROR;
            if (actual != state) {
                if (repair) {
                    setState(m.getId(), actual, null);
                }
                record(caller, drifts, new Drift("STATE", host.name(), m.getSerial(), m.getId(),
                    "the platform said " + state + ", the host says " + actual, repair));
            }
            if (d.pbxVersion() != null && !d.pbxVersion().equals(m.getPbxVersion())) {
                if (repair) {
                    setState(m.getId(), null, d.pbxVersion());
                }
                record(caller, drifts, new Drift("VERSION", host.name(), m.getSerial(), m.getId(),
                    "the platform said " + m.getPbxVersion() + ", the host runs " + d.pbxVersion(), repair));
            }
        }
    }

    private void setState(long machineId, MachineState state, String version) {
        store.writing(em -> {
            MachineEntity m = em.find(MachineEntity.class, machineId);
            if (state != null) {
                m.setState(state.name());
            }
            if (version != null) {
                m.setPbxVersion(version);
            }
            m.setUpdatedAt(clock.instant());
        });
    }

    private void record(Caller caller, List<Drift> drifts, Drift d) {
        drifts.add(d);
        if (d.repaired()) {
            audit.record(caller, AuditEvent.success("machine.reconcile", "machine", d.machineId() == 0 ? d.serial() : d.machineId(),
                caller.accountId(), d.kind() + " on " + d.host() + ": " + d.detail()));
        }
    }
}
