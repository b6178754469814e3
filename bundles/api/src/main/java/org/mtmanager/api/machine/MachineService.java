package org.mtmanager.api.machine;

import java.util.List;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.job.Job;

/**
 * Customer machines of the caller's subtree. Long operations return a {@link Job} at once; the machine shows
 * the transient state (CREATING, STOPPING, ...) until the job ends. A client may pass an idempotency key: the
 * same key returns the same job. Only one job runs per machine; a second request gets CONFLICT.
 */
public interface MachineService {

    /**
     * Step 1: validates the customer-data form and keeps it as a draft. A distributor's machines (and its
     * customers') are prepared by the account above the distributor: FORBIDDEN to the distributor itself, here and
     * in {@link #create}.
     */
    MachineDraft saveDraft(Caller caller, MachineRequest request);

    MachineDraft draft(Caller caller, long draftId);

    /** Step 2: creates the machine of a draft; it is listed at once as CREATING. */
    Job create(Caller caller, long draftId, String idempotencyKey);

    Machine get(Caller caller, long id);

    Page<Machine> list(Caller caller, MachineQuery query, PageRequest page);

    /** Stopping needs an explicit confirmation. */
    Job stop(Caller caller, long id, boolean confirm, String idempotencyKey);

    Job start(Caller caller, long id, String idempotencyKey);

    /**
     * Only a stopped machine is deleted, with confirmation; its record stays, as DELETED. A dangerous action, like
     * {@link #upgrade} and plan changes: the caller must have given its password again.
     */
    Job delete(Caller caller, long id, boolean confirm, String idempotencyKey);

    /**
     * Upgrades to the latest version of the platform's upgrade path, every step in one job. A dangerous action:
     * the caller must have given its password again ({@link org.mtmanager.api.Credential#reauthenticated()}).
     */
    Job upgrade(Caller caller, long id, String idempotencyKey);

    MachineTotals totals(Caller caller, Long accountId);

    /** Activates a catalog app on a machine (not on a deleted one); activating it twice changes nothing. */
    Machine activateApp(Caller caller, long id, String appKey);

    Machine deactivateApp(Caller caller, long id, String appKey);

    /** Asks for another resource plan; nothing changes until a platform administrator approves. */
    PlanChange requestPlanChange(Caller caller, long id, String plan, String reason);

    /** Plan-change requests of the caller's subtree; all of them, or those in one state (PENDING, ...). */
    List<PlanChange> planChanges(Caller caller, String state);

    /** Approves (and applies, as a job) or rejects a request; platform administrators only. */
    PlanChange decidePlanChange(Caller caller, long requestId, boolean approve, String note);
}
