package org.mtmanager.platform.cluster;

/**
 * The job's lease is no longer this node's (it expired and another node claimed the job, or the job ended):
 * whatever this node was about to write for it is rolled back, and its worker stops.
 */
public class LeaseLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(JobLease lease, String node) {
        super("job " + lease.jobId() + " is no longer held by node " + node + " with fence " + lease.fence());
    }
}
