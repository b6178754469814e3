package org.mtmanager.billing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.mtmanager.api.Caller;
import org.mtmanager.api.billing.PriceList;
import org.mtmanager.api.billing.PriceListDraft;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.MachineAppEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.tenant.TenantFixture;

/**
 * Billing on a {@link TenantFixture}: a ledger and a billing service on the fixture's clock, and machines written
 * straight into the store with the times a scenario needs (the machine service stamps the real time).
 */
final class BillingWorld {
    private static final AtomicInteger SERIALS = new AtomicInteger();

    final TenantFixture f;
    final UsageLedger ledger;
    final BillingServiceImpl billing;

    BillingWorld(TenantFixture f) {
        this.f = f;
        this.ledger = new UsageLedger(f.store, f.clock);
        this.billing = new BillingServiceImpl(f.store, f.audit, ledger);
    }

    /** Moves the fixture's clock to an instant (forwards or backwards). */
    void at(String instant) {
        f.clock.advance(Duration.between(f.clock.instant(), Instant.parse(instant)));
    }

    AccountEntity account(long id) {
        return f.store.read(em -> em.find(AccountEntity.class, id));
    }

    long machine(long accountId, String hostname, String createdAt, int extensions, int tenants) {
        AccountEntity a = account(accountId);
        return f.store.write(em -> {
            MachineEntity m = new MachineEntity();
            m.setSerial(String.format("MT%010d", SERIALS.incrementAndGet()));
            m.setHostname(hostname);
            m.setAccountId(accountId);
            m.setAccountPath(a.getPath());
            m.setPlanId(1);
            m.setExtensions(extensions);
            m.setTenants(tenants);
            m.setState("RUNNING");
            m.setCreatedAt(Instant.parse(createdAt));
            m.setUpdatedAt(Instant.parse(createdAt));
            em.persist(m);
            em.flush();
            return m.getId();
        });
    }

    void delete(long machineId, String at) {
        f.store.writing(em -> {
            MachineEntity m = em.find(MachineEntity.class, machineId);
            m.setState("DELETED");
            m.setUpdatedAt(Instant.parse(at));
        });
    }

    void extensions(long machineId, int extensions) {
        f.store.writing(em -> em.find(MachineEntity.class, machineId).setExtensions(extensions));
    }

    void plan(long machineId, long planId) {
        f.store.writing(em -> em.find(MachineEntity.class, machineId).setPlanId(planId));
    }

    void app(long machineId, String appKey, String at) {
        f.store.writing(em -> {
            MachineAppEntity a = new MachineAppEntity();
            a.setMachineId(machineId);
            a.setAppKey(appKey);
            a.setActivatedAt(Instant.parse(at));
            em.persist(a);
        });
    }

    PriceList prices(Caller by, long accountId, String currency, String mode, String user, String tenant) {
        return billing.setPriceList(by, accountId, new PriceListDraft(currency, mode,
            Map.of("USER", new BigDecimal(user), "TENANT", new BigDecimal(tenant), "APP_PER_MACHINE", new BigDecimal("3"),
                "APP_PER_USER", new BigDecimal("0.5"))));
    }

    /** Sets the clock to the instant and records every complete day before it. */
    void recordUntil(String instant) {
        at(instant);
        ledger.catchUp();
    }
}
