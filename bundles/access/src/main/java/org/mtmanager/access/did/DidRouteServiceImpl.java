package org.mtmanager.access.did;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.Role;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.did.DidImport;
import org.mtmanager.api.did.DidMatch;
import org.mtmanager.api.did.DidRoute;
import org.mtmanager.api.did.DidRouteDraft;
import org.mtmanager.api.did.DidRouteQuery;
import org.mtmanager.api.did.DidRouteService;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.platform.util.Paging;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.DidRouteEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The DID table (see {@link org.mtmanager.api.did}). A route is visible to a caller when its machine is in the
 * caller's subtree; platform and operator administrators change the routes they see. Every write runs in one
 * transaction with its audit entries; an import checks the whole file before it changes anything.
 */
@Component(service = DidRouteService.class)
public class DidRouteServiceImpl implements DidRouteService {

    private final Store store;
    private final AuditLog audit;
    private final Clock clock;
    private final DidRouteEvents events;

    @Activate
    public DidRouteServiceImpl(@Reference Store store, @Reference AuditLog audit, @Reference DidRouteEvents events) {
        this(store, audit, Clock.systemUTC(), events);
    }

    /** A DID table whose changes no one hears of. */
    public DidRouteServiceImpl(Store store, AuditLog audit) {
        this(store, audit, Clock.systemUTC(), DidRouteEvents.none());
    }

    public DidRouteServiceImpl(Store store, AuditLog audit, Clock clock, DidRouteEvents events) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Page<DidRoute> list(Caller caller, DidRouteQuery query, PageRequest page) {
        DidRouteQuery q = query == null ? DidRouteQuery.ALL : query;
        String number = q.number() == null || q.number().isBlank() ? null : DidNumbers.digits("number", q.number());
        return store.read(em -> {
            if (q.machineId() != null) {
                Scope.visibleMachine(em, caller, q.machineId());
            }
            StringBuilder where = new StringBuilder(" FROM DidRouteEntity r, MachineEntity m WHERE r.machineId = m.id"
                + " AND m.accountPath LIKE :p");
            if (q.machineId() != null) {
                where.append(" AND r.machineId = :mid");
            }
            if (number != null) {
                where.append(" AND r.prefix LIKE :n");
            }
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(r.id)" + where, Long.class);
            TypedQuery<Long> ids = em.createQuery("SELECT r.id" + where + " ORDER BY r.prefix", Long.class);
            for (TypedQuery<?> tq : List.of(count, ids)) {
                tq.setParameter("p", caller.accountPath() + "%");
                if (q.machineId() != null) {
                    tq.setParameter("mid", q.machineId());
                }
                if (number != null) {
                    tq.setParameter("n", number + "%");
                }
            }
            List<Long> pageIds = ids.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            List<DidRouteEntity> rows = Paging.byIds(em, DidRouteEntity.class, "id", DidRouteEntity::getId, pageIds);
            return new Page<>(views(em, rows), page.offset(), page.limit(), count.getSingleResult());
        });
    }

    @Override
    public DidRoute get(Caller caller, long id) {
        return store.read(em -> {
            DidRouteEntity r = visibleRoute(em, caller, id);
            return view(r, em.find(MachineEntity.class, r.getMachineId()));
        });
    }

    @Override
    public DidRoute find(Caller caller, String number) {
        String digits = DidNumbers.digits("number", number);
        return store.read(em -> {
            DidRouteEntity r = byPrefix(em, digits);
            MachineEntity m = r == null ? null : em.find(MachineEntity.class, r.getMachineId());
            if (m == null || !Scope.sees(caller, m.getAccountPath())) {
                throw new MtmException(ErrorCode.NOT_FOUND, "number", "number: no route for " + DidNumbers.display(digits));
            }
            return view(r, m);
        });
    }

    @Override
    public DidMatch lookup(Caller caller, String number) {
        String digits = DidNumbers.digits("number", number);
        return store.read(em -> {
            // One indexed read: the rows whose prefix is one of the number's own prefixes; the longest wins.
            List<DidRouteEntity> candidates = em.createQuery("SELECT r FROM DidRouteEntity r WHERE r.prefix IN :p",
                DidRouteEntity.class).setParameter("p", DidNumbers.prefixesOf(digits)).getResultList();
            DidRouteEntity best = candidates.stream().max(Comparator.comparingInt(r -> r.getPrefix().length())).orElse(null);
            MachineEntity m = best == null ? null : em.find(MachineEntity.class, best.getMachineId());
            if (m == null || !Scope.sees(caller, m.getAccountPath())) {
                throw new MtmException(ErrorCode.NOT_FOUND, "number", "number: " + DidNumbers.display(digits) + " is not routed");
            }
            return new DidMatch(DidNumbers.display(digits), view(best, m), m.getInternalIp(), MachineState.valueOf(m.getState()));
        });
    }

    @Override
    public DidRoute create(Caller caller, DidRouteDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return audit.attempt(caller, "did-route.create", "did-route", draft.number(), () -> {
            requireManager(caller);
            String digits = DidNumbers.digits("number", draft.number());
            String description = Fields.text(DidRouteDraft.DESCRIPTION, draft.description());
            DidRoute created = store.write(em -> {
                MachineEntity m = routable(em, caller, draft.machine());
                if (byPrefix(em, digits) != null) {
                    throw MtmException.conflict("number", "number: " + DidNumbers.display(digits) + " is already routed");
                }
                requireNoForeignOverlap(em, caller, digits);
                Instant now = clock.instant();
                DidRouteEntity r = new DidRouteEntity();
                r.setPrefix(digits);
                r.setMachineId(m.getId());
                r.setDescription(description);
                r.setCreatedBy(caller.username());
                r.setCreatedAt(now);
                r.setUpdatedAt(now);
                em.persist(r);
                em.flush();
                audit.append(em, caller, AuditEvent.success("did-route.create", "did-route", r.getId(), m.getAccountId(),
                    describe(r, m)));
                return view(r, m);
            });
            events.changed(Set.of(created.number()));
            return created;
        });
    }

    @Override
    public DidRoute update(Caller caller, long id, DidRouteDraft change) {
        Objects.requireNonNull(change, "change");
        return audit.attempt(caller, "did-route.update", "did-route", id, () -> {
            requireManager(caller);
            String digits = change.number() == null ? null : DidNumbers.digits("number", change.number());
            String description = change.description() == null ? null
                : Fields.text(DidRouteDraft.DESCRIPTION, change.description());
            Set<String> changed = new HashSet<>();
            DidRoute updated = store.write(em -> {
                DidRouteEntity r = visibleRoute(em, caller, id);
                changed.clear(); // the store may run this again: only the committed attempt's numbers count
                changed.add(DidNumbers.display(r.getPrefix()));
                MachineEntity before = em.find(MachineEntity.class, r.getMachineId());
                String was = describe(r, before);
                MachineEntity m = change.machine() == null ? before : routable(em, caller, change.machine());
                if (digits != null && !digits.equals(r.getPrefix())) {
                    if (byPrefix(em, digits) != null) {
                        throw MtmException.conflict("number", "number: " + DidNumbers.display(digits) + " is already routed");
                    }
                    requireNoForeignOverlap(em, caller, digits);
                    r.setPrefix(digits);
                }
                r.setMachineId(m.getId());
                if (change.description() != null) {
                    r.setDescription(description);
                }
                r.setUpdatedAt(clock.instant());
                audit.append(em, caller, AuditEvent.success("did-route.update", "did-route", id, m.getAccountId(),
                    was + " => " + describe(r, m)));
                return view(r, m);
            });
            changed.add(updated.number());
            events.changed(changed);
            return updated;
        });
    }

    @Override
    public void delete(Caller caller, long id) {
        audit.attempting(caller, "did-route.delete", "did-route", id, () -> {
            requireManager(caller);
            String number = store.write(em -> {
                DidRouteEntity r = visibleRoute(em, caller, id);
                MachineEntity m = em.find(MachineEntity.class, r.getMachineId());
                audit.append(em, caller, AuditEvent.success("did-route.delete", "did-route", id, m.getAccountId(), describe(r, m)));
                em.remove(r);
                return DidNumbers.display(r.getPrefix());
            });
            events.changed(Set.of(number));
        });
    }

    @Override
    public String exportCsv(Caller caller) {
        return DidCsv.write(store.read(em -> {
            List<Object[]> rows = em.createQuery("SELECT r, m FROM DidRouteEntity r, MachineEntity m WHERE r.machineId = m.id"
                + " AND m.accountPath LIKE :p ORDER BY r.prefix", Object[].class)
                .setParameter("p", caller.accountPath() + "%").getResultList();
            return rows.stream().map(o -> view((DidRouteEntity) o[0], (MachineEntity) o[1])).toList();
        }));
    }

    @Override
    public DidImport importCsv(Caller caller, String csv, boolean replace) {
        return audit.attempt(caller, "did-route.import", "did-route", replace ? "replace" : "merge", () -> {
            requireManager(caller);
            DidCsv.Parsed parsed = DidCsv.parse(csv);
            DidImport done = store.write(em -> new DidCsvImport(em, audit, caller, parsed, replace, clock).run());
            if (done.created() + done.updated() + done.removed() > 0) {
                events.changed(Set.of());
            }
            return done;
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Platform and operator administrators manage the table; everyone else only reads its part. */
    static void requireManager(Caller caller) {
        Scope.requireWriter(caller);
        if (caller.role() != Role.PLATFORM_ADMIN && caller.role() != Role.OPERATOR_ADMIN) {
            throw MtmException.forbidden("only platform and operator administrators manage DID routes");
        }
    }

    private static DidRouteEntity byPrefix(EntityManager em, String digits) {
        List<DidRouteEntity> r = em.createQuery("SELECT r FROM DidRouteEntity r WHERE r.prefix = :p", DidRouteEntity.class)
            .setParameter("p", digits).getResultList();
        return r.isEmpty() ? null : r.get(0);
    }

    private static DidRouteEntity visibleRoute(EntityManager em, Caller caller, long id) {
        DidRouteEntity r = em.find(DidRouteEntity.class, id);
        MachineEntity m = r == null ? null : em.find(MachineEntity.class, r.getMachineId());
        if (m == null || !Scope.sees(caller, m.getAccountPath())) {
            throw MtmException.notFound("DID route", id);
        }
        return r;
    }

    /**
     * Refuses a prefix nested with a route of a machine outside the caller's subtree: it would take numbers from,
     * or claim the rest of, a block someone else routes. Reads only the covering prefixes and the covered ones.
     */
    private static void requireNoForeignOverlap(EntityManager em, Caller caller, String digits) {
        List<String> shorter = DidNumbers.prefixesOf(digits).subList(1, digits.length());
        StringBuilder q = new StringBuilder("SELECT r.prefix, m.accountPath FROM DidRouteEntity r, MachineEntity m"
            + " WHERE r.machineId = m.id AND (r.prefix LIKE :longer");
        if (!shorter.isEmpty()) {
            q.append(" OR r.prefix IN :shorter");
        }
        TypedQuery<Object[]> tq = em.createQuery(q.append(")").toString(), Object[].class).setParameter("longer", digits + "_%");
        if (!shorter.isEmpty()) {
            tq.setParameter("shorter", shorter);
        }
        TreeSet<String> foreign = new TreeSet<>();
        for (Object[] row : tq.getResultList()) {
            if (!Scope.sees(caller, (String) row[1])) {
                foreign.add((String) row[0]);
            }
        }
        Optional<String> other = DidNumbers.nestedOther(digits, foreign);
        if (other.isPresent()) {
            throw new MtmException(ErrorCode.RULE_VIOLATION, "number", overlap(digits, other.get()));
        }
    }

    static String overlap(String digits, String other) {
        return "number: " + DidNumbers.display(digits) + (other.length() < digits.length() ? " lies inside " : " covers ")
            + DidNumbers.display(other) + ", which another account routes; the match would be ambiguous between accounts";
    }

    /** A live machine of the caller's subtree, by hostname, serial or id. */
    private static MachineEntity routable(EntityManager em, Caller caller, String ref) {
        String r = Fields.required("machine", ref);
        List<MachineEntity> found = new ArrayList<>(em.createQuery("SELECT m FROM MachineEntity m WHERE m.state <> 'DELETED'"
                + " AND (m.hostname = :h OR m.serial = :s)", MachineEntity.class)
            .setParameter("h", r.toLowerCase(Locale.ROOT)).setParameter("s", r.toUpperCase(Locale.ROOT)).getResultList());
        if (r.matches("[1-9]\\d{0,17}")) {
            Optional.ofNullable(em.find(MachineEntity.class, Long.parseLong(r)))
                .filter(m -> !MachineState.DELETED.name().equals(m.getState())).ifPresent(found::add);
        }
        MachineEntity m = pick(found.stream().filter(x -> Scope.sees(caller, x.getAccountPath())).toList(), r)
            .orElseThrow(() -> new MtmException(ErrorCode.NOT_FOUND, "machine", "machine: " + r + " not found"));
        if (MachineState.valueOf(m.getState()) == MachineState.DELETING) {
            throw MtmException.conflict("machine", "machine: " + m.getHostname() + " is being deleted");
        }
        return m;
    }

    /** Of the machines found for a reference, the one it names by hostname, else by serial, else by id. */
    static Optional<MachineEntity> pick(List<MachineEntity> found, String ref) {
        return found.stream().filter(m -> m.getHostname().equalsIgnoreCase(ref)).findFirst()
            .or(() -> found.stream().filter(m -> m.getSerial().equalsIgnoreCase(ref)).findFirst())
            .or(() -> found.stream().filter(m -> String.valueOf(m.getId()).equals(ref)).findFirst());
    }

    private static List<DidRoute> views(EntityManager em, List<DidRouteEntity> rows) {
        List<Long> machineIds = rows.stream().map(DidRouteEntity::getMachineId).distinct().toList();
        Map<Long, MachineEntity> machines = new HashMap<>();
        if (!machineIds.isEmpty()) {
            em.createQuery("SELECT m FROM MachineEntity m WHERE m.id IN :ids", MachineEntity.class)
                .setParameter("ids", machineIds).getResultList().forEach(m -> machines.put(m.getId(), m));
        }
        return rows.stream().map(r -> view(r, machines.get(r.getMachineId()))).toList();
    }

    static DidRoute view(DidRouteEntity r, MachineEntity m) {
        return new DidRoute(r.getId(), DidNumbers.display(r.getPrefix()), r.getMachineId(), m.getHostname(), m.getAccountId(),
            r.getDescription(), r.getCreatedBy(), r.getCreatedAt(), r.getUpdatedAt());
    }

    static String describe(DidRouteEntity r, MachineEntity m) {
        return DidNumbers.display(r.getPrefix()) + " -> " + m.getHostname() + " (" + m.getSerial() + ")"
            + (r.getDescription() == null ? "" : " '" + r.getDescription() + "'");
    }
}
