package org.mtmanager.machine;

import java.util.List;

import javax.persistence.TypedQuery;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.job.Job;
import org.mtmanager.api.job.JobService;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Paging;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.JobEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Jobs of the caller's subtree. */
@Component(service = JobService.class)
public class JobServiceImpl implements JobService {
    private final Store store;

    @Activate
    public JobServiceImpl(@Reference Store store) {
        this.store = store;
    }

    @Override
    public Job get(Caller caller, long id) {
        return store.read(em -> {
            JobEntity j = em.find(JobEntity.class, id);
            if (j == null || !Scope.sees(caller, j.getAccountPath())) {
                throw MtmException.notFound("job", id);
            }
            return MachineViews.job(j);
        });
    }

    @Override
    public Page<Job> list(Caller caller, Long machineId, PageRequest page) {
        return store.read(em -> {
            if (machineId != null) {
                Scope.visibleMachine(em, caller, machineId);
            }
            String where = " FROM JobEntity j WHERE j.accountPath LIKE :p" + (machineId == null ? "" : " AND j.machineId = :m");
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(j.id)" + where, Long.class);
            TypedQuery<Long> ids = em.createQuery("SELECT j.id" + where + Paging.afterCursor(page, "j.id", true)
                + " ORDER BY j.id DESC", Long.class);
            for (TypedQuery<?> q : List.of(count, ids)) {
                q.setParameter("p", caller.accountPath() + "%");
                if (machineId != null) {
                    q.setParameter("m", machineId);
                }
            }
            Paging.Slice slice = Paging.slice(ids, page);
            List<Job> jobs = Paging.byIds(em, JobEntity.class, "id", JobEntity::getId, slice.ids()).stream()
                .map(MachineViews::job).toList();
            return new Page<>(jobs, page.offset(), page.limit(), count.getSingleResult(), slice.next());
        });
    }
}
