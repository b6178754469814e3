package org.mtmanager.api.job;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;

/** Reads the jobs of the caller's subtree. */
public interface JobService {

    Job get(Caller caller, long id);

    /** Jobs, newest first; of one machine when machineId is given. */
    Page<Job> list(Caller caller, Long machineId, PageRequest page);
}
