package org.mtmanager.core.machine;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobState;
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
import org.mtmanager.core.audit.AuditLog;
import org.mtmanager.core.security.SecurityPolicy;
import org.mtmanager.core.tenancy.Scope;
import org.mtmanager.core.util.Fields;
import org.mtmanager.core.util.Paging;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.AppEntity;
import org.mtmanager.store.entity.JobEntity;
import org.mtmanager.store.entity.MachineAppEntity;
import org.mtmanager.store.entity.MachineDraftEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PlanChangeEntity;
import org.mtmanager.store.entity.PlanEntity;
import org.mtmanager.store.entity.SettingEntity;
import org.mtmanager.store.entity.UserEntity;
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
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final AuditLog audit;
    private final PlanService plans;
    private final Infrastructure infra;
    private final JobEngine engine;
    private final SecurityPolicy policy;

    @Activate
    public MachineServiceImpl(@Reference Store store, @Reference AuditLog audit, @Reference PlanService plans,
                              @Reference Infrastructure infra, @Reference JobEngine engine,
                              @Reference SecurityPolicy policy) {
        this.store = store;
        this.audit = audit;
        this.plans = plans;
        this.infra = infra;
        this.engine = engine;
        this.policy = policy;
    }

    @Override
    public MachineDraft saveDraft(Caller caller, MachineRequest r) {
        Objects.requireNonNull(r, "request");
        return audit.attempt(caller, "machine.draft", "machine", r.hostname(), () -> {
            Scope.requireWriter(caller);
            String hostname = hostname(r.hostname());
            CustomerData c = customer(r.customer());
            ResourcePlan plan = plans.find(caller, Fields.required("plan", r.plan()));
            int ext = licences("extensions", r.extensions(), plan.maxExtensions());
            int ten = licences("tenants", r.tenants(), plan.maxTenants());
            if (ten > ext) {
                throw new MtmException(ErrorCode.RULE_VIOLATION, "tenants", "tenants: cannot exceed extensions (" + ext + ")");
            }
            return store.write(em -> {
                long accountId = r.accountId() == null ? caller.accountId() : r.accountId();
                Scope.visibleAccount(em, caller, accountId);
                requireFreeHostname(em, hostname);
                MachineDraftEntity d = new MachineDraftEntity();
                d.setAccountId(accountId);
                d.setHostname(hostname);
                d.setDisplayName(Fields.optionalText("displayName", r.displayName(), 100));
                d.setCompany(c.company());
                d.setContact(c.contact());
                d.setEmail(c.email());
                d.setPhone(c.phone());
                d.setAddress(c.address());
                d.setTaxId(c.taxId());
                d.setPlanId(plan.id());
                d.setExtensions(ext);
                d.setTenants(ten);
                d.setCreatedBy(caller.username());
                d.setCreatedAt(Instant.now());
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
        String key = key(idempotencyKey);
        return audit.attempt(caller, "machine.create", "machine-draft", draftId, () -> {
            Scope.requireWriter(caller);
            Job job = store.write(em -> {
                Job same = sameKey(em, caller, key, JobType.CREATE, null);
                if (same != null) {
                    return same;
                }
                MachineDraftEntity d = visibleDraft(em, caller, draftId);
                requireFreeHostname(em, d.getHostname());
                PlanEntity plan = em.find(PlanEntity.class, d.getPlanId());
                Placement.Host host = Placement.choose(hosts(em), new Placement.Need(plan.getVcpu(), plan.getMemoryMb(),
                    plan.getDiskGb()), decimal(em, "host.overcommit.cpu"), decimal(em, "host.overcommit.memory"));
                AccountEntity owner = em.find(AccountEntity.class, d.getAccountId());
                Instant now = Instant.now();
                MachineEntity m = new MachineEntity();
                m.setSerial(serial(em));
                m.setHostname(d.getHostname());
                m.setDisplayName(d.getDisplayName());
                m.setAccountId(owner.getId());
                m.setAccountPath(owner.getPath());
                m.setCompany(d.getCompany());
                m.setContact(d.getContact());
                m.setEmail(d.getEmail());
                m.setPhone(d.getPhone());
                m.setAddress(d.getAddress());
                m.setTaxId(d.getTaxId());
                m.setPlanId(plan.getId());
                m.setHost(host.name());
                m.setDriverType(host.driverType());
                m.setInternalIp(internalIp(em));
                m.setPbxVersion(latestVersion(em));
                m.setExtensions(d.getExtensions());
                m.setTenants(d.getTenants());
                m.setState(MachineState.CREATING.name());
                m.setCreatedAt(now);
                m.setUpdatedAt(now);
                em.persist(m);
                em.remove(d);
                em.flush();
                audit.append(em, caller, AuditEvent.success("machine.create", "machine", m.getId(), owner.getId(),
                    m.getHostname() + " (" + m.getSerial() + ") on " + host.name()));
                return newJob(em, caller, m, JobType.CREATE, key);
            });
            engine.submit(job.id());
            return job;
        });
    }

    @Override
    public Machine get(Caller caller, long id) {
        return store.read(em -> view(em, visibleMachine(em, caller, id)));
    }

    @Override
    public Page<Machine> list(Caller caller, MachineQuery query, PageRequest page) {
        MachineQuery q = query == null ? MachineQuery.ALL : query;
        MachineState state = q.state() == null || q.state().isBlank() ? null : parseState(q.state());
        String search = q.search() == null || q.search().isBlank() ? null : Fields.name("search", q.search(), 100);
        return store.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE m.accountPath LIKE :p");
            if (q.accountId() != null) {
                Scope.visibleAccount(em, caller, q.accountId());
                where.append(" AND m.accountId = :acc");
            }
            where.append(state == null ? " AND m.state <> 'DELETED'" : " AND m.state = :state");
            if (search != null) {
                where.append(" AND (m.hostname LIKE :s OR m.serial LIKE :s)");
            }
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(m.id) FROM MachineEntity m" + where, Long.class);
            TypedQuery<Long> ids = em.createQuery("SELECT m.id FROM MachineEntity m" + where + " ORDER BY m.id", Long.class);
            for (TypedQuery<?> tq : List.of(count, ids)) {
                tq.setParameter("p", caller.accountPath() + "%");
                if (q.accountId() != null) {
                    tq.setParameter("acc", q.accountId());
                }
                if (state != null) {
                    tq.setParameter("state", state.name());
                }
                if (search != null) {
                    tq.setParameter("s", "%" + search.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
                }
            }
            List<Long> pageIds = ids.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            List<Machine> items = Paging.byIds(em, MachineEntity.class, "id", MachineEntity::getId, pageIds).stream()
                .map(m -> view(em, m)).toList();
            return new Page<>(items, page.offset(), page.limit(), count.getSingleResult());
        });
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
    public Job upgrade(Caller caller, long id, String password, String idempotencyKey) {
        String key = key(idempotencyKey);
        return audit.attempt(caller, "machine.upgrade", "machine", id, () -> {
            Scope.requireWriter(caller);
            requirePassword(caller, password);
            Job job = store.write(em -> {
                Job same = sameKey(em, caller, key, JobType.UPGRADE, id);
                if (same != null) {
                    return same;
                }
                MachineEntity m = visibleMachine(em, caller, id);
                requireNoOpenJob(em, m);
                MachineState current = MachineState.valueOf(m.getState());
                if (!current.canMoveTo(MachineState.UPGRADING)) {
                    throw MtmException.conflict("state", "machine " + m.getHostname() + " is " + current + "; cannot upgrade it now");
                }
                List<String> steps = upgradePath(em).stepsFrom(m.getPbxVersion());
                if (steps.isEmpty()) {
                    throw MtmException.conflict("pbxVersion", "machine " + m.getHostname() + " already runs the latest version "
                        + m.getPbxVersion());
                }
                m.setState(MachineState.UPGRADING.name());
                m.setUpdatedAt(Instant.now());
                audit.append(em, caller, AuditEvent.success("machine.upgrade", "machine", m.getId(), m.getAccountId(),
                    m.getHostname() + ": " + m.getPbxVersion() + " > " + String.join(" > ", steps)));
                return newJob(em, caller, m, JobType.UPGRADE, key);
            });
            engine.submit(job.id());
            return job;
        });
    }

    /** Dangerous actions ask for the password again; the local console (the platform itself) has none to give. */
    private void requirePassword(Caller caller, String password) {
        if (caller.userId() == 0) {
            return;
        }
        String hash = store.read(em -> em.find(UserEntity.class, caller.userId()).getPasswordHash());
        if (password == null || !policy.hasher().verify(password, hash)) {
            throw new MtmException(ErrorCode.FORBIDDEN, "password", "password: enter your password again to confirm");
        }
    }

    static UpgradePath upgradePath(EntityManager em) {
        SettingEntity s = em.find(SettingEntity.class, "pbx.upgrade-path");
        return UpgradePath.parse("pbx.upgrade-path", s == null ? "16.2" : s.getValue());
    }

    private Job transition(Caller caller, long id, JobType type, MachineState target, boolean confirm, String what,
                           String idempotencyKey) {
        String key = key(idempotencyKey);
        String action = "machine." + type.name().toLowerCase(Locale.ROOT);
        return audit.attempt(caller, action, "machine", id, () -> {
            Scope.requireWriter(caller);
            Job job = store.write(em -> {
                Job same = sameKey(em, caller, key, type, id);
                if (same != null) {
                    return same;
                }
                MachineEntity m = visibleMachine(em, caller, id);
                if (!confirm) {
                    throw MtmException.invalid("confirm", "must be true: " + what + " a machine needs confirmation");
                }
                requireNoOpenJob(em, m);
                MachineState current = MachineState.valueOf(m.getState());
                if (!current.canMoveTo(target)) {
                    throw MtmException.conflict("state", "machine " + m.getHostname() + " is " + current
                        + (type == JobType.DELETE ? "; only a stopped machine can be deleted" : "; cannot " + type.name().toLowerCase(Locale.ROOT) + " it now"));
                }
                m.setState(target.name());
                m.setUpdatedAt(Instant.now());
                audit.append(em, caller, AuditEvent.success(action, "machine", m.getId(), m.getAccountId(), m.getHostname()));
                return newJob(em, caller, m, type, key);
            });
            engine.submit(job.id());
            return job;
        });
    }

    @Override
    public MachineTotals totals(Caller caller, Long accountId) {
        return store.read(em -> {
            String path = accountId == null ? caller.accountPath() : Scope.visibleAccount(em, caller, accountId).getPath();
            Map<MachineState, Long> byState = new EnumMap<>(MachineState.class);
            em.createQuery("SELECT m.state, COUNT(m.id) FROM MachineEntity m WHERE m.accountPath LIKE :p GROUP BY m.state",
                    Object[].class).setParameter("p", path + "%").getResultList()
                .forEach(r -> byState.put(MachineState.valueOf((String) r[0]), (Long) r[1]));
            Object[] sums = em.createQuery("SELECT SUM(m.extensions), SUM(m.tenants) FROM MachineEntity m "
                    + "WHERE m.accountPath LIKE :p AND m.state <> 'DELETED'", Object[].class)
                .setParameter("p", path + "%").getSingleResult();
            long acc = accountId == null ? caller.accountId() : accountId;
            return new MachineTotals(acc, byState, sums[0] == null ? 0 : ((Number) sums[0]).longValue(),
                sums[1] == null ? 0 : ((Number) sums[1]).longValue());
        });
    }

    @Override
    public Machine activateApp(Caller caller, long id, String appKey) {
        return audit.attempt(caller, "machine.app-activate", "machine", id, () -> store.write(em -> {
            Scope.requireWriter(caller);
            MachineEntity m = visibleMachine(em, caller, id);
            AppEntity app = app(em, appKey);
            if (MachineState.valueOf(m.getState()) == MachineState.DELETED) {
                throw MtmException.conflict("state", "machine " + m.getHostname() + " is deleted");
            }
            if (!app.isEnabled()) {
                throw new MtmException(ErrorCode.RULE_VIOLATION, "appKey", "appKey: " + app.getKey() + " is disabled in the catalog");
            }
            if (activeApp(em, id, app.getKey()) == null) {
                MachineAppEntity a = new MachineAppEntity();
                a.setMachineId(id);
                a.setAppKey(app.getKey());
                a.setActivatedBy(caller.username());
                a.setActivatedAt(Instant.now());
                em.persist(a);
                em.flush();
                audit.append(em, caller, AuditEvent.success("machine.app-activate", "machine", id, m.getAccountId(),
                    app.getKey() + " on " + m.getHostname()));
            }
            return view(em, m);
        }));
    }

    @Override
    public Machine deactivateApp(Caller caller, long id, String appKey) {
        return audit.attempt(caller, "machine.app-deactivate", "machine", id, () -> store.write(em -> {
            Scope.requireWriter(caller);
            MachineEntity m = visibleMachine(em, caller, id);
            AppEntity app = app(em, appKey);
            MachineAppEntity a = activeApp(em, id, app.getKey());
            if (a == null) {
                throw new MtmException(ErrorCode.NOT_FOUND, "appKey", "appKey: " + app.getKey() + " is not active on " + m.getHostname());
            }
            em.remove(a);
            em.flush();
            audit.append(em, caller, AuditEvent.success("machine.app-deactivate", "machine", id, m.getAccountId(),
                app.getKey() + " on " + m.getHostname()));
            return view(em, m);
        }));
    }

    @Override
    public PlanChange requestPlanChange(Caller caller, long id, String plan, String reason) {
        return audit.attempt(caller, "machine.plan-request", "machine", id, () -> {
            ResourcePlan target = plans.find(caller, Fields.required("plan", plan));
            return store.write(em -> PlanChanges.request(em, audit, caller, visibleMachine(em, caller, id), target, reason));
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
                PlanChangeEntity p = PlanChanges.decide(em, audit, caller, requestId, approve, note);
                if (approve) {
                    MachineEntity m = em.find(MachineEntity.class, p.getMachineId());
                    requireNoOpenJob(em, m);
                    p.setJobId(newJob(em, caller, m, JobType.RESIZE, null).id());
                }
                return PlanChanges.view(p);
            });
            if (approve) {
                engine.submit(decided.jobId());
            }
            return decided;
        });
    }

    private static AppEntity app(EntityManager em, String appKey) {
        String key = Fields.required("appKey", appKey);
        AppEntity app = em.find(AppEntity.class, key);
        if (app == null) {
            throw new MtmException(ErrorCode.NOT_FOUND, "appKey", "appKey: no app " + key + " in the catalog");
        }
        return app;
    }

    private static MachineAppEntity activeApp(EntityManager em, long machineId, String key) {
        List<MachineAppEntity> found = em.createQuery(
                "SELECT a FROM MachineAppEntity a WHERE a.machineId = :m AND a.appKey = :k", MachineAppEntity.class)
            .setParameter("m", machineId).setParameter("k", key).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Machine view(EntityManager em, MachineEntity m) {
        return MachineViews.machine(em, m, infra.driver(m.getDriverType()).isPresent());
    }

    private static MachineEntity visibleMachine(EntityManager em, Caller caller, long id) {
        MachineEntity m = em.find(MachineEntity.class, id);
        if (m == null || !Scope.sees(caller, m.getAccountPath())) {
            throw MtmException.notFound("machine", id);
        }
        return m;
    }

    private static MachineDraftEntity visibleDraft(EntityManager em, Caller caller, long id) {
        MachineDraftEntity d = em.find(MachineDraftEntity.class, id);
        AccountEntity a = d == null ? null : em.find(AccountEntity.class, d.getAccountId());
        if (a == null || !Scope.sees(caller, a.getPath())) {
            throw MtmException.notFound("machine draft", id);
        }
        return d;
    }

    private static void requireNoOpenJob(EntityManager em, MachineEntity m) {
        long open = em.createQuery("SELECT COUNT(j.id) FROM JobEntity j WHERE j.machineId = :m AND j.state IN :open", Long.class)
            .setParameter("m", m.getId()).setParameter("open", List.of(JobState.QUEUED.name(), JobState.RUNNING.name(),
                JobState.WAITING.name())).getSingleResult();
        if (open > 0) {
            throw MtmException.conflict(null, "machine " + m.getHostname() + " already has a job running; wait for it to end");
        }
    }

    private static Job sameKey(EntityManager em, Caller caller, String key, JobType type, Long machineId) {
        if (key == null) {
            return null;
        }
        List<JobEntity> found = em.createQuery("SELECT j FROM JobEntity j WHERE j.accountPath = :p AND j.idempotencyKey = :k",
            JobEntity.class).setParameter("p", caller.accountPath()).setParameter("k", key).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        JobEntity j = found.get(0);
        if (!j.getType().equals(type.name()) || (machineId != null && j.getMachineId() != machineId)) {
            throw MtmException.conflict("idempotencyKey", "idempotencyKey: already used for another operation");
        }
        return MachineViews.job(j);
    }

    private static Job newJob(EntityManager em, Caller caller, MachineEntity m, JobType type, String key) {
        Instant now = Instant.now();
        JobEntity j = new JobEntity();
        j.setType(type.name());
        j.setMachineId(m.getId());
        // Jobs are scoped by the caller's account path, so an idempotency key is the caller's account's own.
        j.setAccountPath(key == null ? m.getAccountPath() : caller.accountPath());
        j.setState(JobState.QUEUED.name());
        j.setStep("queued");
        j.setIdempotencyKey(key);
        j.setCreatedBy(caller.username());
        j.setCreatedAt(now);
        j.setUpdatedAt(now);
        em.persist(j);
        em.flush();
        return MachineViews.job(j);
    }

    private static String key(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        String k = idempotencyKey.strip();
        if (k.length() > 100 || !k.matches("[A-Za-z0-9._:-]+")) {
            throw MtmException.invalid("idempotencyKey", "must be 1 to 100 letters, digits or . _ : -");
        }
        return k;
    }

    private static String hostname(String value) {
        String h = Fields.required("hostname", value).toLowerCase(Locale.ROOT);
        if (!LABEL.matcher(h).matches()) {
            throw MtmException.invalid("hostname", "must be a DNS label: 1 to 63 letters, digits or dashes, not starting or ending with a dash");
        }
        return h;
    }

    private static void requireFreeHostname(EntityManager em, String hostname) {
        long used = em.createQuery("SELECT COUNT(m.id) FROM MachineEntity m WHERE m.hostname = :h AND m.state <> 'DELETED'",
            Long.class).setParameter("h", hostname).getSingleResult();
        if (used > 0) {
            throw MtmException.conflict("hostname", "hostname: " + hostname + " is taken on this platform");
        }
    }

    private static CustomerData customer(CustomerData c) {
        if (c == null) {
            throw MtmException.invalid("customer", "is required: company, contact, email, phone, address, taxId");
        }
        String email = Fields.email("customer.email", c.email());
        if (email == null) {
            throw MtmException.invalid("customer.email", "is required");
        }
        return new CustomerData(Fields.name("customer.company", c.company(), 200), Fields.name("customer.contact", c.contact(), 200),
            email, phone(c.phone()), Fields.name("customer.address", c.address(), 500), Fields.name("customer.taxId", c.taxId(), 40));
    }

    private static String phone(String value) {
        String p = Fields.required("customer.phone", value);
        if (!p.matches("^\\+?[0-9 ()./-]{4,40}$")) {
            throw MtmException.invalid("customer.phone", "must be a phone number such as +34 910 000 000");
        }
        return p;
    }

    private static int licences(String field, Integer value, int max) {
        int v = value == null ? 1 : value;
        if (v < 1 || v > max) {
            throw MtmException.invalid(field, "must be between 1 and " + max + " (the plan's maximum)");
        }
        return v;
    }

    private static MachineState parseState(String s) {
        try {
            return MachineState.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MtmException.invalid("state", "must be one of " + java.util.Arrays.toString(MachineState.values()));
        }
    }

    private List<Placement.Host> hosts(EntityManager em) {
        return infra.hosts().stream().map(h -> {
            Object[] used = em.createQuery("SELECT SUM(p.vcpu), SUM(p.memoryMb), SUM(p.diskGb) FROM MachineEntity m, PlanEntity p "
                    + "WHERE m.planId = p.id AND m.host = :h AND m.state <> 'DELETED'", Object[].class)
                .setParameter("h", h.name()).getSingleResult();
            return new Placement.Host(h.name(), h.settings().driverType(), infra.driver(h.settings().driverType()).isPresent(),
                h.vcpu(), h.memoryMb(), h.diskGb(), intOf(used[0]), intOf(used[1]), intOf(used[2]));
        }).toList();
    }

    private static int intOf(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    private static BigDecimal decimal(EntityManager em, String key) {
        SettingEntity s = em.find(SettingEntity.class, key);
        return s == null ? BigDecimal.ONE : new BigDecimal(s.getValue());
    }

    private static String latestVersion(EntityManager em) {
        return upgradePath(em).latest();
    }

    private static String serial(EntityManager em) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String s = "MT" + String.format("%010d", Math.floorMod(RANDOM.nextLong(), 10_000_000_000L));
            long used = em.createQuery("SELECT COUNT(m.id) FROM MachineEntity m WHERE m.serial = :s", Long.class)
                .setParameter("s", s).getSingleResult();
            if (used == 0) {
                return s;
            }
        }
        throw new IllegalStateException("no free serial number after 10 attempts");
    }

    /** The lowest free address of 10.100.0.0/16 from .10, among machines not deleted. */
    private static String internalIp(EntityManager em) {
        java.util.Set<String> used = new java.util.HashSet<>(em.createQuery(
            "SELECT m.internalIp FROM MachineEntity m WHERE m.state <> 'DELETED'", String.class).getResultList());
        for (int i = 10; i < 65_534; i++) {
            String ip = "10.100." + (i / 256) + "." + (i % 256);
            if (i % 256 != 0 && i % 256 != 255 && !used.contains(ip)) {
                return ip;
            }
        }
        throw new MtmException(ErrorCode.CONFLICT, "the internal network has no free address");
    }
}
