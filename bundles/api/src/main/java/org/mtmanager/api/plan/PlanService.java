package org.mtmanager.api.plan;

import java.util.List;

import org.mtmanager.api.Caller;

/**
 * Reads and edits resource plans. Platform administrators edit the platform's plans; operator administrators
 * add and edit their own operator's plans. Every caller sees the plans that apply to its account.
 */
public interface PlanService {

    List<ResourcePlan> list(Caller caller);

    ResourcePlan get(Caller caller, long id);

    /** Looks a plan up by id or by name among the plans the caller sees (its own owner's first). */
    ResourcePlan find(Caller caller, String idOrName);

    ResourcePlan create(Caller caller, PlanDraft draft);

    ResourcePlan update(Caller caller, long id, PlanDraft change);

    void delete(Caller caller, long id);
}
