package org.mtmanager.machine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobType;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineDraft;
import org.mtmanager.api.machine.MachineQuery;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.api.machine.MachineTotals;
import org.mtmanager.api.machine.PlanChange;
import org.mtmanager.api.plan.PlanService;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Distributors;
import org.mtmanager.platform.scope.Reauthentication;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.platform.util.RecentReads;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.EntityChanges;
import org.mtmanager.store.entity.MachineAppEntity;
import org.mtmanager.store.entity.MachineDraftEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PlanChangeEntity;
import org.mtmanager.store.entity.PlanEntity;
import org.mtmanager.store.entity.SettingEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Machines of the caller's subtree: the two-step create, stop, start and delete, each as a job. The request's
 * transaction records the machine's new transient state, the job and the audit entry together, so a crash leaves
 * either nothing or a job that the engine resumes.
 */
@Component(service = MachineService.class)
public class MachineServiceImpl implements MachineService {

    private final Store store;
    private final AuditLog audit;
    private final PlanService plans;
    private final Infrastructure infra;
    private final JobEngine engine;
    private final Clock clock;
    private final RecentReads<Long> totals = new RecentReads<>(Duration.ofSeconds(5), Clock.systemUTC(),
        () -> EntityChanges.generation(MachineEntity.class));
    private final RecentReads<MachineViews.Shown> shown = new RecentReads<>(Duration.ofSeconds(5), Clock.systemUTC(),
        () -> EntityChanges.generation(SettingEntity.class));
    /** Views of machines that clients poll: a view reads four tables, and a page of them is read far more than written. */
    private final RecentReads<Viewed> views = new RecentReads<>(Duration.ofSeconds(5), Clock.systemUTC(),
        MachineServiceImpl::viewed, 10_000);
    private final MachineReads.ListCaches listCaches = new MachineReads.ListCaches(new RecentReads<>(Duration.ofSeconds(5),
        Clock.systemUTC(), MachineServiceImpl::viewed), totals, shown);

    @Activate
    public MachineServiceImpl(@Reference Store store, @Reference AuditLog audit, @Reference PlanService plans,
                              @Reference Infrastructure infra, @Reference JobEngine engine) {
        this(store, audit, plans, infra, engine, Clock.systemUTC());
    }

    public MachineServiceImpl(Store store, AuditLog audit, PlanService plans, Infrastructure infra, JobEngine engine,
                              Clock clock) {
        this.store = store;
        this.audit = audit;
        this.plans = plans;
        this.infra = infra;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public MachineDraft saveDraft(Caller caller, MachineRequest r) {
        Objects.requireNonNull(r, "request");
        return audit.attempt(caller, "machine.draft", "machine", r.hostname(), () -> {
            Scope.requireWriter(caller);
            String hostname = MachineInput.hostname(r.hostname());
            CustomerData c = MachineInput.customer(r.customer());
            ResourcePlan plan = plans.find(caller, Fields.text(MachineRequest.PLAN, r.plan()));
            int ext = MachineInput.licences("extensions", r.extensions(), plan.maxExtensions());
            int ten = MachineInput.licences("tenants", r.tenants(), plan.maxTenants());
            if (ten > ext) {
                throw new MtmException(ErrorCode.RULE_VIOLATION, "tenants", "tenants: cannot exceed extensions (" + ext + ")");
            }
            int lines = MachineInput.lines(r.lines(), plan.maxConcurrentCalls());
            return store.write(em -> {
                long accountId = r.accountId() == null ? caller.accountId() : r.accountId();
                AccountEntity owner = Scope.visibleAccount(em, caller, accountId);
                MachineInput.requirePreparedForDistributor(em, caller, owner, r);
                MachineInput.requireFreeHostname(em, hostname);
                MachineDraftEntity d = new MachineDraftEntity();
                d.setAccountId(accountId);
                d.setHostname(hostname);
                d.setDisplayName(Fields.text(MachineRequest.DISPLAY_NAME, r.displayName()));
                d.setCustomer(c);
                d.setPlanId(plan.id());
                d.setExtensions(ext);
                d.setTenants(ten);
                d.setLines(lines);
                d.setCreatedBy(caller.username());
                d.setCreatedAt(clock.instant());
                em.persist(d);
                em.flush();
                audit.append(em, caller, AuditEvent.success("machine.draft", "machine-draft", d.getId(), accountId, hostname));
                return MachineViews.draft(em, d);
            });
        });
    }

    @Override
    public MachineDraft draft(Caller caller, long draftId) {
        return store.read(em -> MachineViews.draft(em, visibleDraft(em, caller, draftId)));
    }

    @Override
    public Job create(Caller caller, long draftId, String idempotencyKey) {
        String key = MachineInput.key(idempotencyKey);
        return audit.attempt(caller, "machine.create", "machine-draft", draftId, () -> {
            Scope.requireWriter(caller);
            Job job = store.write(em -> {
                MachineInput.serialiseKey(em, caller, key);
                Job same = JobRows.sameKey(em, caller, key, JobType.CREATE, null);
                if (same != null) {
                    return same;
                }
                audit.lockChain(em);
                MachineDraftEntity d = visibleDraft(em, caller, draftId);
                AccountEntity owner = em.find(AccountEntity.class, d.getAccountId());
                Distributors.requirePreparer(em, caller, owner.getPath(), "draft or create one");
                MachineInput.requireFreeHostname(em, d.getHostname());
                PlanEntity plan = em.find(PlanEntity.class, d.getPlanId());
                Placement.Host host = Placement.choose(Allocation.hosts(em, infra), new Placement.Need(plan.getVcpu(), plan.getMemoryMb(),
                    plan.getDiskGb()), Allocation.decimal(em, "host.overcommit.cpu"), Allocation.decimal(em, "host.overcommit.memory"));
                Instant now = clock.instant();
                MachineEntity m = new MachineEntity();
                m.setSerial(Allocation.serial(em));
                m.setHostname(d.getHostname());
                m.setDisplayName(d.getDisplayName());
                m.setAccountId(owner.getId());
                m.setAccountPath(owner.getPath());
                m.setCustomer(d.getCustomer());
                m.setPlanId(plan.getId());
                m.setHost(host.name());
                m.setDriverType(host.driverType());
                m.setInternalIp(Allocation.internalIp(em, infra.host(host.name()).orElseThrow()));
                m.setPbxVersion(Allocation.latestVersion(em));
                m.setExtensions(d.getExtensions());
                m.setTenants(d.getTenants());
                m.setLines(d.getLines());
                m.setState(MachineState.CREATING.name());
                m.setCreatedAt(now);
                m.setUpdatedAt(now);
                em.persist(m);
                em.remove(d);
                em.flush();
                Allocation.claim(em, m);
                audit.append(em, caller, AuditEvent.success("machine.create", "machine", m.getId(), owner.getId(),
                    m.getHostname() + " (" + m.getSerial() + ") on " + host.name()));
                return JobRows.newJob(em, caller, m, JobType.CREATE, key, engine.clock().instant());
            });
            engine.submit(job.id());
            return job;
        });
    }

    @Override
    public Machine get(Caller caller, long id) {
        String key = Long.toString(id);
        Viewed v = views.get(key, () -> read(id));
        if (v.machine().driverAvailable() != infra.driver(v.machine().driverType()).isPresent()) {
            v = read(id); // a driver came or went since: the view says so
        }
        if (!Scope.sees(caller, v.accountPath())) {
            throw MtmException.notFound("machine", id);
        }
        return v.machine();
    }

    /** Moves at every write of what a machine's view shows. */
    private static long viewed() {
        return EntityChanges.generation(MachineEntity.class, MachineAppEntity.class, AccountEntity.class, PlanEntity.class,
            SettingEntity.class);
    }

    /** A machine's view and the path of its account, which decides who may see it. */
    private record Viewed(Machine machine, String accountPath) {
    }

    private Viewed read(long id) {
        return store.read(em -> {
            MachineEntity m = em.find(MachineEntity.class, id);
            if (m == null) {
                throw MtmException.notFound("machine", id);
            }
            return new Viewed(view(em, m), m.getAccountPath());
        });
    }

    @Override
    public Page<Machine> list(Caller caller, MachineQuery query, PageRequest page) {
        return MachineReads.list(store, infra, listCaches, caller, query, page);
    }

    @Override
    public Job stop(Caller caller, long id, boolean confirm, String idempotencyKey) {
        return transition(caller, id, JobType.STOP, MachineState.STOPPING, confirm, "stopping", idempotencyKey);
    }

    @Override
    public Job start(Caller caller, long id, String idempotencyKey) {
        return transition(caller, id, JobType.START, MachineState.STARTING, true, null, idempotencyKey);
    }

    @Override
    public Job delete(Caller caller, long id, boolean confirm, String idempotencyKey) {
        return transition(caller, id, JobType.DELETE, MachineState.DELETING, confirm, "deleting", idempotencyKey);
    }

    @Override
    public Job upgrade(Caller caller, long id, String idempotencyKey) {
        String key = MachineInput.key(idempotencyKey);
        return audit.attempt(caller, "machine.upgrade", "machine", id, () -> {
            Scope.requireWriter(caller);
            Reauthentication.require(caller, "upgrading a machine");
            Job job = store.write(em -> {
                MachineInput.serialiseKey(em, caller, key);
                Job same = JobRows.sameKey(em, caller, key, JobType.UPGRADE, id);
                if (same != null) {
                    return same;
                }
                MachineEntity m = Scope.visibleMachine(em, caller, id);
                JobRows.requireNoOpenJob(em, m);
                MachineState current = MachineState.valueOf(m.getState());
                if (!current.canMoveTo(MachineState.UPGRADING)) {
                    throw MtmException.conflict("state", "machine " + m.getHostname() + " is " + current + "; cannot upgrade it now");
                }
                List<String> steps = Allocation.upgradePath(em).stepsFrom(m.getPbxVersion());
                if (steps.isEmpty()) {
                    throw MtmException.conflict("pbxVersion", "machine " + m.getHostname() + " already runs the latest version "
                        + m.getPbxVersion());
                }
                m.setState(MachineState.UPGRADING.name());
                m.setUpdatedAt(clock.instant());
                audit.append(em, caller, AuditEvent.success("machine.upgrade", "machine", m.getId(), m.getAccountId(),
                    m.getHostname() + ": " + m.getPbxVersion() + " > " + String.join(" > ", steps)));
                return JobRows.newJob(em, caller, m, JobType.UPGRADE, key, engine.clock().instant());
            });
            engine.submit(job.id());
            return job;
        });
    }

    private Job transition(Caller caller, long id, JobType type, MachineState target, boolean confirm, String what,
                           String idempotencyKey) {
        String key = MachineInput.key(idempotencyKey);
        String action = "machine." + type.name().toLowerCase(Locale.ROOT);
        return audit.attempt(caller, action, "machine", id, () -> {
            Scope.requireWriter(caller);
            if (type == JobType.DELETE) {
                Reauthentication.require(caller, "deleting a machine");
            }
            Job job = store.write(em -> {
                MachineInput.serialiseKey(em, caller, key);
                Job same = JobRows.sameKey(em, caller, key, type, id);
                if (same != null) {
                    return same;
                }
                MachineEntity m = Scope.visibleMachine(em, caller, id);
                if (!confirm) {
                    throw MtmException.invalid("confirm", "must be true: " + what + " a machine needs confirmation");
                }
                boolean stranded = infra.host(m.getHost()).isEmpty() || infra.driver(m.getDriverType()).isEmpty();
                JobRows.replaceStranded(em, m, stranded, type, caller.username(), engine.clock().instant());
                JobRows.requireNoOpenJob(em, m);
                MachineState current = MachineState.valueOf(m.getState());
                if (!current.canMoveTo(target)) {
                    throw MtmException.conflict("state", "machine " + m.getHostname() + " is " + current
                        + (type == JobType.DELETE ? "; only a stopped machine can be deleted" : "; cannot " + type.name().toLowerCase(Locale.ROOT) + " it now"));
                }
                m.setState(target.name());
                m.setUpdatedAt(clock.instant());
                audit.append(em, caller, AuditEvent.success(action, "machine", m.getId(), m.getAccountId(), m.getHostname()));
                return JobRows.newJob(em, caller, m, type, key, engine.clock().instant());
            });
            engine.submit(job.id());
            return job;
        });
    }

    @Override
    public MachineTotals totals(Caller caller, Long accountId) {
        return MachineReads.totals(store, caller, accountId);
    }

    @Override
    public Machine activateApp(Caller caller, long id, String appKey) {
        return audit.attempt(caller, "machine.app-activate", "machine", id, () -> store.write(em -> {
            Scope.requireWriter(caller);
            MachineEntity m = Scope.visibleMachine(em, caller, id);
            MachineApps.activate(em, audit, caller, m, appKey, clock.instant());
            return view(em, m);
        }));
    }

    @Override
    public Machine deactivateApp(Caller caller, long id, String appKey) {
        return audit.attempt(caller, "machine.app-deactivate", "machine", id, () -> store.write(em -> {
            Scope.requireWriter(caller);
            MachineEntity m = Scope.visibleMachine(em, caller, id);
            MachineApps.deactivate(em, audit, caller, m, appKey);
            return view(em, m);
        }));
    }

    @Override
    public PlanChange requestPlanChange(Caller caller, long id, String plan, String reason) {
        return audit.attempt(caller, "machine.plan-request", "machine", id, () -> {
            Scope.requireWriter(caller);
            Reauthentication.require(caller, "changing a machine's resource plan");
            // The fields first, before anything is looked up: bad input is named as such, whatever else is wrong.
            Fields.text(PlanChange.REASON, reason);
            ResourcePlan target = plans.find(caller, Fields.text(MachineRequest.PLAN, plan));
            return store.write(em -> PlanChanges.request(em, audit, caller, Scope.visibleMachine(em, caller, id), target, reason,
                clock.instant()));
        });
    }

    @Override
    public List<PlanChange> planChanges(Caller caller, String state) {
        return store.read(em -> PlanChanges.list(em, caller, state));
    }

    @Override
    public PlanChange decidePlanChange(Caller caller, long requestId, boolean approve, String note) {
        String action = approve ? "machine.plan-approve" : "machine.plan-reject";
        return audit.attempt(caller, action, "plan-change", requestId, () -> {
            PlanChange decided = store.write(em -> {
                PlanChangeEntity p = PlanChanges.decide(em, audit, caller, requestId, approve, note, clock.instant());
                if (approve) {
                    // after the rights check, so that a caller without the right learns that first
                    Reauthentication.require(caller, "approving a resource plan change");
                }
                if (approve) {
                    MachineEntity m = em.find(MachineEntity.class, p.getMachineId());
                    JobRows.requireNoOpenJob(em, m);
                    p.setJobId(JobRows.newJob(em, caller, m, JobType.RESIZE, null, engine.clock().instant()).id());
                }
                return PlanChanges.view(p);
            });
            if (approve) {
                engine.submit(decided.jobId());
            }
            return decided;
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Machine view(EntityManager em, MachineEntity m) {
        return MachineViews.machine(em, m, infra.driver(m.getDriverType()).isPresent(), shown.get("", () -> MachineViews.shown(em)));
    }

    private static MachineDraftEntity visibleDraft(EntityManager em, Caller caller, long id) {
        MachineDraftEntity d = em.find(MachineDraftEntity.class, id);
        AccountEntity a = d == null ? null : em.find(AccountEntity.class, d.getAccountId());
        if (a == null || !Scope.sees(caller, a.getPath())) {
            throw MtmException.notFound("machine draft", id);
        }
        return d;
    }

}
