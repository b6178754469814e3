package org.mtmanager.machine;

import java.util.Arrays;
import java.util.Locale;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.field.Formats;
import org.mtmanager.api.machine.CustomerData;
import org.mtmanager.api.machine.MachineRequest;
import org.mtmanager.api.machine.MachineState;
import org.mtmanager.platform.scope.Distributors;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.entity.AccountEntity;

/** Checks of what clients send about machines: each names the field and the rule. */
final class MachineInput {
    private MachineInput() {
    }

    static String key(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        return Fields.text(Formats.IDEMPOTENCY_KEY, idempotencyKey);
    }

    static String hostname(String value) {
        return Fields.text(MachineRequest.HOSTNAME, value).toLowerCase(Locale.ROOT);
    }

    /**
     * Makes the check of an idempotency key hold across nodes: requests with a key raise the caller's account's
     * version, so that of two with the same key at once the later runs again and finds the first one's job. A
     * unique constraint cannot say it: most jobs have no key.
     */
    static void serialiseKey(EntityManager em, Caller caller, String key) {
        if (key != null) {
            em.lock(em.find(AccountEntity.class, caller.accountId()), LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
    }

    static void requireFreeHostname(EntityManager em, String hostname) {
        long used = em.createQuery("SELECT COUNT(m.id) FROM MachineEntity m WHERE m.hostname = :h AND m.state <> 'DELETED'",
            Long.class).setParameter("h", hostname).getSingleResult();
        if (used > 0) {
            throw MtmException.conflict("hostname", "hostname: " + hostname + " is taken on this platform");
        }
    }

    static CustomerData customer(CustomerData c) {
        if (c == null) {
            throw MtmException.invalid("customer", "is required: company, contact, email, phone, address, taxId");
        }
        return new CustomerData(Fields.text(CustomerData.COMPANY.in("customer"), c.company()),
            Fields.text(CustomerData.CONTACT.in("customer"), c.contact()), Fields.text(CustomerData.EMAIL.in("customer"), c.email()),
            Fields.text(CustomerData.PHONE.in("customer"), c.phone()), Fields.text(CustomerData.ADDRESS.in("customer"), c.address()),
            Fields.text(CustomerData.TAX_ID.in("customer"), c.taxId()));
    }

    static int licences(String field, Integer value, int max) {
        int v = value == null ? 1 : value;
        if (v < 1 || v > max) {
            throw MtmException.invalid(field, "must be between 1 and " + max + " (the plan's maximum)");
        }
        return v;
    }

    /** Licensed lines: by default the plan's maximum of simultaneous calls. */
    static int lines(Integer value, int max) {
        int v = value == null ? max : value;
        if (v < 1 || v > max) {
            throw MtmException.invalid("lines", "must be between 1 and " + max + " (the plan's maximum of simultaneous calls)");
        }
        return v;
    }

    /**
     * A distributor's machines (its own and its customers') are prepared for it by the platform, to the counts it
     * asks for: no defaults for them.
     */
    static void requirePreparedForDistributor(EntityManager em, Caller caller, AccountEntity owner, MachineRequest r) {
        if (Distributors.of(em, owner.getPath()).isEmpty()) {
            return;
        }
        Distributors.requirePreparer(em, caller, owner.getPath(), "draft or create one");
        if (r.extensions() == null) {
            throw MtmException.invalid("extensions", "is required for a distributor's machine (it is prepared to that count)");
        }
        if (r.lines() == null) {
            throw MtmException.invalid("lines", "is required for a distributor's machine (it is prepared to that count)");
        }
    }

    static MachineState parseState(String s) {
        try {
            return MachineState.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MtmException.invalid("state", "must be one of " + Arrays.toString(MachineState.values()));
        }
    }
}
