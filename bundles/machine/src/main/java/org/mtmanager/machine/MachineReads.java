package org.mtmanager.machine;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.persistence.TypedQuery;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.machine.Machine;
import org.mtmanager.api.machine.MachineQuery;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.api.machine.MachineTotals;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.platform.util.Paging;
import org.mtmanager.platform.util.RecentReads;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.MachineEntity;

/**
 * The machine service's reads at scale: the paged list and the dashboard totals. Both page or aggregate on
 * covering indexes, and the root caller needs no path predicate (see {@code MachineEntity}'s indexes).
 */
final class MachineReads {
    private MachineReads() {
    }

    /**
     * A page by offset or after a cursor ({@link PageRequest}), with its total. The total is the machines' tally
     * ({@link MachineTallies}): exact, and a sum over a few rows per account however many machines there are. A
     * search has no tally: its count is remembered in {@code totals} for a few seconds.
     *
     * @param totals where a search's count is remembered: a count over a million rows costs more than the page
     */
    static Page<Machine> list(Store store, Infrastructure infra, ListCaches caches, Caller caller, MachineQuery query,
                              PageRequest page) {
        MachineQuery q = query == null ? MachineQuery.ALL : query;
        MachineState state = q.state() == null || q.state().isBlank() ? null : MachineInput.parseState(q.state());
        String search = q.search() == null || q.search().isBlank() ? null : Fields.name("search", q.search(), 100);
        // What a caller sees depends on its account's path alone (Scope.sees): callers on one path share pages.
        String key = caller.accountPath() + " " + q.accountId() + " " + state + " " + search + " " + page.offset() + " "
            + page.limit() + " " + page.after();
        Page<Machine> remembered = caches.pages().get(key, () -> read(store, infra, caches, caller, q, state, search, page));
        for (Machine m : remembered.items()) {
            if (m.driverAvailable() != infra.driver(m.driverType()).isPresent()) {
                return read(store, infra, caches, caller, q, state, search, page); // a driver came or went since
            }
        }
        return remembered;
    }

    /**
     * What the machine list remembers for a few seconds, each read again after a write of what it was read from (see
     * {@link RecentReads}): whole pages (a client polls the same page), a search's count, the settings every view shows.
     */
    record ListCaches(RecentReads<Page<Machine>> pages, RecentReads<Long> totals, RecentReads<MachineViews.Shown> shown) {
    }

    private static Page<Machine> read(Store store, Infrastructure infra, ListCaches caches, Caller caller, MachineQuery q,
                                      MachineState state, String search, PageRequest page) {
        RecentReads<Long> totals = caches.totals();
        RecentReads<MachineViews.Shown> shown = caches.shown();
        // A caller at the root sees every machine: no path predicate, so the database pages on its (ID, STATE, ...) index.
        boolean root = Scope.idsOnPath(caller.accountPath()).size() == 1;
        String path = root ? null : caller.accountPath() + "%";
        return store.read(em -> {
            StringBuilder where = new StringBuilder(root ? " WHERE 1 = 1" : " WHERE m.accountPath LIKE :p");
            if (q.accountId() != null) {
                Scope.visibleAccount(em, caller, q.accountId());
                where.append(" AND m.accountId = :acc");
            }
            where.append(state == null ? " AND m.state <> 'DELETED'" : " AND m.state = :state");
            if (search != null) {
                where.append(" AND (m.hostname LIKE :s OR m.serial LIKE :s)");
            }
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(m.id) FROM MachineEntity m" + where, Long.class);
            TypedQuery<Long> ids = em.createQuery("SELECT m.id FROM MachineEntity m" + where
                + Paging.afterCursor(page, "m.id", false) + " ORDER BY m.id", Long.class);
            for (TypedQuery<?> tq : List.of(count, ids)) {
                if (path != null) {
                    tq.setParameter("p", path);
                }
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
            Paging.Slice slice = Paging.slice(ids, page);
            List<Machine> items = MachineViews.machines(em, Paging.byIds(em, MachineEntity.class, "id", MachineEntity::getId, slice.ids()),
                type -> infra.driver(type).isPresent(), shown.get("", () -> MachineViews.shown(em)));
            long total;
            if (search == null) {
                total = MachineTallies.count(em, path, q.accountId(), state);
            } else {
                String key = where + " " + path + " " + q.accountId() + " " + state + " " + search;
                total = totals.get(key, count::getSingleResult);
            }
            return new Page<>(items, page.offset(), page.limit(), total, slice.next());
        });
    }

    static MachineTotals totals(Store store, Caller caller, Long accountId) {
        return store.read(em -> {
            String path = accountId == null ? caller.accountPath() : Scope.visibleAccount(em, caller, accountId).getPath();
            Map<MachineState, Long> byState = new EnumMap<>(MachineState.class);
            long[] sums = new long[3];
            // One pass, on the covering (ACCOUNTPATH, STATE, EXTENSIONS, TENANTS, ID) index; the root needs no path.
            boolean root = Scope.idsOnPath(path).size() == 1;
            TypedQuery<Object[]> q = em.createQuery("SELECT m.state, COUNT(m.id), SUM(m.extensions), SUM(m.tenants) FROM MachineEntity m"
                + (root ? "" : " WHERE m.accountPath LIKE :p") + " GROUP BY m.state", Object[].class);
            if (!root) {
                q.setParameter("p", path + "%");
            }
            q.getResultList().forEach(r -> {
                MachineState state = MachineState.valueOf((String) r[0]);
                byState.put(state, (Long) r[1]);
                if (state != MachineState.DELETED) {
                    sums[0] += r[2] == null ? 0 : ((Number) r[2]).longValue();
                    sums[1] += r[3] == null ? 0 : ((Number) r[3]).longValue();
                    sums[2] += (Long) r[1];
                }
            });
            long acc = accountId == null ? caller.accountId() : accountId;
            return new MachineTotals(acc, sums[2], byState, sums[0], sums[1]);
        });
    }
}
