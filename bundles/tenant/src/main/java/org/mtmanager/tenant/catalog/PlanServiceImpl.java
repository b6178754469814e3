package org.mtmanager.tenant.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Role;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.plan.PlanDraft;
import org.mtmanager.api.plan.PlanService;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.PlanEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Plans belong to the platform or to an operator. A caller sees the plans of the accounts on its path and of its
 * subtree; it edits those of its own account, as a platform or operator administrator (the platform
 * administrator edits every plan).
 */
@Component(service = PlanService.class)
public class PlanServiceImpl implements PlanService {
    private final Store store;
    private final AuditLog audit;

    @Activate
    public PlanServiceImpl(@Reference Store store, @Reference AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public List<ResourcePlan> list(Caller caller) {
        return store.read(em -> visible(em, caller));
    }

    @Override
    public ResourcePlan get(Caller caller, long id) {
        return store.read(em -> visible(em, caller).stream().filter(p -> p.id() == id).findFirst()
            .orElseThrow(() -> MtmException.notFound("plan", id)));
    }

    @Override
    public ResourcePlan find(Caller caller, String idOrName) {
        String key = Fields.required("plan", idOrName);
        return store.read(em -> {
            List<ResourcePlan> plans = visible(em, caller);
            return plans.stream().filter(p -> String.valueOf(p.id()).equals(key)).findFirst()
                .or(() -> plans.stream().filter(p -> p.name().equalsIgnoreCase(key))
                    .max(Comparator.comparingInt(p -> p.ownerAccountId() == caller.accountId() ? 1 : 0)))
                .orElseThrow(() -> MtmException.notFound("plan", key));
        });
    }

    @Override
    public ResourcePlan create(Caller caller, PlanDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return audit.attempt(caller, "plan.create", "plan", draft.name(), () -> store.write(em -> {
            requireEditor(caller);
            long owner = caller.accountId();
            ResourcePlan p = PlanRules.merge(null, draft, 0, owner);
            PlanRules.checkOrdering(p, ownedBy(em, owner));
            PlanEntity e = new PlanEntity();
            e.setOwnerAccountId(owner);
            copy(p, e);
            em.persist(e);
            em.flush();
            ResourcePlan saved = view(e);
            audit.append(em, caller, AuditEvent.success("plan.create", "plan", e.getId(), owner, describe(saved)));
            return saved;
        }));
    }

    @Override
    public ResourcePlan update(Caller caller, long id, PlanDraft change) {
        Objects.requireNonNull(change, "change");
        return audit.attempt(caller, "plan.update", "plan", id, () -> store.write(em -> {
            PlanEntity e = editable(em, caller, id);
            ResourcePlan p = PlanRules.merge(view(e), change, id, e.getOwnerAccountId());
            PlanRules.checkOrdering(p, ownedBy(em, e.getOwnerAccountId()));
            String before = describe(view(e));
            copy(p, e);
            audit.append(em, caller, AuditEvent.success("plan.update", "plan", id, e.getOwnerAccountId(),
                before + " -> " + describe(p)));
            return view(e);
        }));
    }

    @Override
    public void delete(Caller caller, long id) {
        audit.attempting(caller, "plan.delete", "plan", id, () -> store.writing(em -> {
            PlanEntity e = editable(em, caller, id);
            audit.append(em, caller, AuditEvent.success("plan.delete", "plan", id, e.getOwnerAccountId(), e.getName()));
            em.remove(e);
        }));
    }

    private PlanEntity editable(EntityManager em, Caller caller, long id) {
        requireEditor(caller);
        PlanEntity e = em.find(PlanEntity.class, id);
        if (e == null || visible(em, caller).stream().noneMatch(p -> p.id() == id)) {
            throw MtmException.notFound("plan", id);
        }
        if (!caller.isPlatformAdmin() && e.getOwnerAccountId() != caller.accountId()) {
            throw MtmException.forbidden("plan " + id + " belongs to another account; only its owner may change it");
        }
        return e;
    }

    private static void requireEditor(Caller caller) {
        Scope.requireWriter(caller);
        if (caller.role() != Role.PLATFORM_ADMIN && caller.role() != Role.OPERATOR_ADMIN) {
            throw MtmException.forbidden("only platform and operator administrators edit resource plans");
        }
    }

    /** Plans owned by an account on the caller's path (its ancestors and itself) or inside its subtree. */
    private static List<ResourcePlan> visible(EntityManager em, Caller caller) {
        List<Object[]> rows = em.createQuery(
            "SELECT p, a.path FROM PlanEntity p, AccountEntity a WHERE p.ownerAccountId = a.id ORDER BY p.ownerAccountId, p.tier",
            Object[].class).getResultList();
        return rows.stream()
            .filter(r -> {
                String ownerPath = (String) r[1];
                return caller.accountPath().startsWith(ownerPath) || Scope.sees(caller, ownerPath);
            })
            .map(r -> view((PlanEntity) r[0])).toList();
    }

    private static List<ResourcePlan> ownedBy(EntityManager em, long owner) {
        return em.createQuery("SELECT p FROM PlanEntity p WHERE p.ownerAccountId = :o", PlanEntity.class)
            .setParameter("o", owner).getResultList().stream().map(PlanServiceImpl::view).toList();
    }

    static ResourcePlan view(PlanEntity e) {
        return new ResourcePlan(e.getId(), e.getOwnerAccountId(), e.getName(), e.getTier(), e.getVcpu(),
            e.getMemoryMb(), e.getDiskGb(), e.getMaxExtensions(), e.getMaxTenants(), e.getMaxConcurrentCalls());
    }

    static void copy(ResourcePlan p, PlanEntity e) {
        e.setName(p.name());
        e.setTier(p.tier());
        e.setVcpu(p.vcpu());
        e.setMemoryMb(p.memoryMb());
        e.setDiskGb(p.diskGb());
        e.setMaxExtensions(p.maxExtensions());
        e.setMaxTenants(p.maxTenants());
        e.setMaxConcurrentCalls(p.maxConcurrentCalls());
    }

    private static String describe(ResourcePlan p) {
        return p.name() + "[tier " + p.tier() + ", " + p.vcpu() + " vCPU, " + p.memoryMb() + " MB, " + p.diskGb()
            + " GB, ext " + p.maxExtensions() + ", tenants " + p.maxTenants() + ", calls " + p.maxConcurrentCalls() + "]";
    }

    /** Used by first start to seed the platform's plans. */
    public static PlanEntity entity(long owner, ResourcePlan p) {
        PlanEntity e = new PlanEntity();
        e.setOwnerAccountId(owner);
        copy(p, e);
        return e;
    }
}
