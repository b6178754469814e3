package org.mtmanager.platform.cluster;

/**
 * A claimed job as its node holds it: the fence it claimed (a write of the job holds only while the row still has
 * it and this node as its owner), and how many claims the job has had since it last recorded an outcome.
 */
public record JobLease(long jobId, long fence, int claims) {
}
