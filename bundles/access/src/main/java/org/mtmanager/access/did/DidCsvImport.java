package org.mtmanager.access.did;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import org.mtmanager.api.BadFileException;
import org.mtmanager.api.Caller;
import org.mtmanager.api.LineError;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.did.DidImport;
import org.mtmanager.api.did.DidRouteDraft;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.entity.DidRouteEntity;
import org.mtmanager.store.entity.MachineEntity;

/** One CSV import of DID routes: every line checked against the file and the table, then all applied, or nothing. */
final class DidCsvImport {
    /** A route of the table as an import sees it. */
    private record Existing(DidRouteEntity route, MachineEntity machine) {
    }

    /** A checked line, ready to apply. */
    private record Line(int line, String digits, MachineEntity machine, String description) {
    }


    private static final int CHUNK = 500;

    private final EntityManager em;
    private final AuditLog audit;
    private final Caller caller;
    private final DidCsv.Parsed parsed;
    private final boolean replace;
    private final List<LineError> errors;
    private final Clock clock;

    DidCsvImport(EntityManager em, AuditLog audit, Caller caller, DidCsv.Parsed parsed, boolean replace, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.caller = caller;
        this.parsed = parsed;
        this.replace = replace;
        this.errors = new ArrayList<>(parsed.errors());
        this.clock = clock;
    }

    DidImport run() {
        Map<String, MachineEntity> machines = machinesNamed(parsed.rows().stream().map(DidCsv.Row::machine).toList());
        Map<String, Existing> table = new HashMap<>();
        TreeSet<String> foreign = new TreeSet<>();
        for (Object[] o : em.createQuery("SELECT r, m FROM DidRouteEntity r, MachineEntity m WHERE r.machineId = m.id",
                Object[].class).getResultList()) {
            Existing e = new Existing((DidRouteEntity) o[0], (MachineEntity) o[1]);
            table.put(e.route().getPrefix(), e);
            if (!Scope.sees(caller, e.machine().getAccountPath())) {
                foreign.add(e.route().getPrefix());
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (DidCsv.Row row : parsed.rows()) {
            Line l = check(row, machines, table, foreign, seen);
            if (l != null) {
                lines.add(l);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(LineError::line));
            throw new BadFileException(errors);
        }
        return apply(lines, table);
    }

    private Line check(DidCsv.Row row, Map<String, MachineEntity> machines, Map<String, Existing> table,
                       TreeSet<String> foreign, Map<String, Integer> seen) {
        int before = errors.size();
        String digits = null;
        try {
            digits = DidNumbers.digits("number", row.number());
        } catch (MtmException e) {
            errors.add(new LineError(row.line(), e.field(), e.getMessage()));
        }
        String description = null;
        try {
            description = Fields.text(DidRouteDraft.DESCRIPTION, row.description());
        } catch (MtmException e) {
            errors.add(new LineError(row.line(), e.field(), e.getMessage()));
        }
        MachineEntity m = null;
        if (row.machine().isEmpty()) {
            errors.add(new LineError(row.line(), "machine", "machine: is required"));
        } else {
            m = machines.get(row.machine());
            if (m == null) {
                errors.add(new LineError(row.line(), "machine", "machine: " + row.machine() + " not found"));
            } else if (MachineState.valueOf(m.getState()) == MachineState.DELETING) {
                errors.add(new LineError(row.line(), "machine", "machine: " + row.machine() + " is being deleted"));
            }
        }
        if (digits != null) {
            Integer first = seen.putIfAbsent(digits, row.line());
            Existing existing = table.get(digits);
            if (first != null) {
                errors.add(new LineError(row.line(), "number", "number: " + DidNumbers.display(digits)
                    + " is already on line " + first));
            } else if (existing != null && foreign.contains(digits)) {
                errors.add(new LineError(row.line(), "number", "number: " + DidNumbers.display(digits) + " is already routed"));
            } else {
                Optional<String> other = DidNumbers.nestedOther(digits, foreign);
                if (other.isPresent()) {
                    errors.add(new LineError(row.line(), "number", DidRouteServiceImpl.overlap(digits, other.get())));
                }
            }
        }
        return errors.size() == before ? new Line(row.line(), digits, m, description) : null;
    }

    /** Applies the checked lines; the audit entries are appended together, after one flush gives the new ids. */
    private DidImport apply(List<Line> lines, Map<String, Existing> table) {
        int updated = 0;
        int unchanged = 0;
        int removed = 0;
        Set<String> named = new HashSet<>();
        List<Line> createdLines = new ArrayList<>();
        List<DidRouteEntity> created = new ArrayList<>();
        List<AuditEvent> changes = new ArrayList<>();
        Instant now = clock.instant();
        for (Line l : lines) {
            named.add(l.digits());
            Existing e = table.get(l.digits());
            if (e == null) {
                DidRouteEntity r = new DidRouteEntity();
                r.setPrefix(l.digits());
                r.setMachineId(l.machine().getId());
                r.setDescription(l.description());
                r.setCreatedBy(caller.username());
                r.setCreatedAt(now);
                r.setUpdatedAt(now);
                em.persist(r);
                created.add(r);
                createdLines.add(l);
            } else if (e.route().getMachineId() != l.machine().getId()
                    || !Objects.equals(e.route().getDescription(), l.description())) {
                DidRouteEntity r = e.route();
                String was = DidRouteServiceImpl.describe(r, e.machine());
                r.setMachineId(l.machine().getId());
                r.setDescription(l.description());
                r.setUpdatedAt(now);
                changes.add(AuditEvent.success("did-route.update", "did-route", r.getId(), l.machine().getAccountId(),
                    was + " => " + DidRouteServiceImpl.describe(r, l.machine()) + " (import, line " + l.line() + ")"));
                updated++;
            } else {
                unchanged++;
            }
        }
        if (replace) {
            for (Existing e : table.values()) {
                if (!named.contains(e.route().getPrefix()) && Scope.sees(caller, e.machine().getAccountPath())) {
                    changes.add(AuditEvent.success("did-route.delete", "did-route", e.route().getId(),
                        e.machine().getAccountId(), DidRouteServiceImpl.describe(e.route(), e.machine()) + " (import: not in the file)"));
                    em.remove(e.route());
                    removed++;
                }
            }
        }
        em.flush();
        for (int i = 0; i < created.size(); i++) {
            Line l = createdLines.get(i);
            changes.add(AuditEvent.success("did-route.create", "did-route", created.get(i).getId(),
                l.machine().getAccountId(), DidRouteServiceImpl.describe(created.get(i), l.machine()) + " (import, line " + l.line() + ")"));
        }
        DidImport result = new DidImport(lines.size(), created.size(), updated, unchanged, removed);
        changes.add(AuditEvent.success("did-route.import", "did-route", replace ? "replace" : "merge",
            caller.accountId(), result.routes() + " route(s): " + created.size() + " created, " + updated + " updated, "
                + unchanged + " unchanged, " + removed + " removed"));
        audit.appendAll(em, caller, changes);
        return result;
    }

    /** The live machines of the caller's subtree named by the file: hostname first, then serial, then id. */
    private Map<String, MachineEntity> machinesNamed(List<String> refs) {
        List<String> distinct = refs.stream().filter(r -> !r.isEmpty()).distinct().toList();
        Map<String, MachineEntity> out = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            List<String> chunk = distinct.subList(i, Math.min(distinct.size(), i + CHUNK));
            List<String> keys = new ArrayList<>();
            chunk.forEach(r -> {
                keys.add(r.toLowerCase(Locale.ROOT));
                keys.add(r.toUpperCase(Locale.ROOT));
            });
            List<Long> ids = chunk.stream().filter(r -> r.matches("[1-9]\\d{0,17}")).map(Long::parseLong).toList();
            List<MachineEntity> found = new ArrayList<>(em.createQuery("SELECT m FROM MachineEntity m WHERE m.state <> 'DELETED'"
                + " AND (m.hostname IN :k OR m.serial IN :k)", MachineEntity.class).setParameter("k", keys).getResultList());
            if (!ids.isEmpty()) {
                found.addAll(em.createQuery("SELECT m FROM MachineEntity m WHERE m.state <> 'DELETED' AND m.id IN :ids",
                    MachineEntity.class).setParameter("ids", ids).getResultList());
            }
            List<MachineEntity> visible = found.stream().filter(m -> Scope.sees(caller, m.getAccountPath())).toList();
            for (String r : chunk) {
                DidRouteServiceImpl.pick(visible, r).ifPresent(m -> out.put(r, m));
            }
        }
        return out;
    }
}
