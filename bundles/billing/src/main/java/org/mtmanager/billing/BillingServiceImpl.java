package org.mtmanager.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.billing.ActiveUsersReport;
import org.mtmanager.api.billing.BillingService;
import org.mtmanager.api.billing.Correction;
import org.mtmanager.api.billing.LedgerRun;
import org.mtmanager.api.billing.PriceList;
import org.mtmanager.api.billing.PriceListDraft;
import org.mtmanager.api.billing.Statement;
import org.mtmanager.api.billing.UsageDay;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.AdjustmentEntity;
import org.mtmanager.store.entity.MachineEntity;
import org.mtmanager.store.entity.PriceListEntity;
import org.mtmanager.store.entity.StatementEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing of the caller's subtree (see {@link BillingService}): reads need only visibility; prices, closing and
 * corrections need the account's biller (a writer above it, or a platform administrator). Every change and every
 * refused change is audited.
 */
@Component(service = BillingService.class)
public class BillingServiceImpl implements BillingService {
    private static final Logger LOG = LoggerFactory.getLogger(BillingServiceImpl.class);
    private final Store store;
    private final AuditLog audit;
    private final UsageLedger ledger;

    @Activate
    public BillingServiceImpl(@Reference Store store, @Reference AuditLog audit, @Reference UsageLedger ledger) {
        this.store = store;
        this.audit = audit;
        this.ledger = ledger;
    }

    // ---- usage ---------------------------------------------------------------------------------------------

    @Override
    public Page<UsageDay> usage(Caller caller, long accountId, String period, PageRequest page) {
        YearMonth p = Periods.parse("period", period);
        return store.read(em -> {
            AccountEntity a = Scope.visibleAccount(em, caller, accountId);
            return new Page<>(Usage.page(em, a.getPath(), p, page.offset(), page.limit()), page.offset(), page.limit(),
                Usage.count(em, a.getPath(), p));
        });
    }

    @Override
    public String usageCsv(Caller caller, long accountId, String period) {
        YearMonth p = Periods.parse("period", period);
        return store.read(em -> {
            AccountEntity a = Scope.visibleAccount(em, caller, accountId);
            List<UsageDay> all = Usage.page(em, a.getPath(), p, 0, Integer.MAX_VALUE);
            return new Csv(Usage.CSV_HEADER).rows(all, Usage::csv).toString();
        });
    }

    @Override
    public LedgerRun recordUsage(Caller caller) {
        return audit.attempt(caller, "usage.record", "usage", null, () -> {
            Scope.requirePlatformAdmin(caller);
            LedgerRun run = ledger.catchUp();
            audit.record(caller, AuditEvent.success("usage.record", "usage", null, caller.accountId(),
                run.days() + " day(s), " + run.records() + " record(s), through " + run.recordedThrough()));
            return run;
        });
    }

    // ---- price lists ---------------------------------------------------------------------------------------

    /**
     * An account reads the prices it is billed at even when they are an ancestor's: the owner's id is on the
     * account's own path, and the prices are what it pays.
     */
    @Override
    public PriceList priceList(Caller caller, long accountId) {
        return store.read(em -> {
            PriceList p = PriceLists.effective(em, Scope.visibleAccount(em, caller, accountId));
            if (p == null) {
                throw MtmException.notFound("price list of account", accountId);
            }
            return p;
        });
    }

    @Override
    public PriceList setPriceList(Caller caller, long accountId, PriceListDraft draft) {
        return audit.attempt(caller, "price-list.set", "account", accountId, () -> store.write(em -> {
            AccountEntity a = Scope.visibleAccount(em, caller, accountId);
            requireBiller(caller, a, "set its own prices");
            PriceListEntity e = em.find(PriceListEntity.class, accountId);
            boolean created = e == null;
            if (created) {
                e = new PriceListEntity();
                e.setAccountId(accountId);
            }
            PriceLists.apply(e, draft);
            e.setUpdatedAt(ledger.clock().instant());
            if (created) {
                em.persist(e);
            }
            em.flush();
            PriceList view = PriceLists.view(accountId, e);
            audit.append(em, caller, AuditEvent.success("price-list.set", "account", accountId, accountId,
                view.currency() + " " + view.ratingMode() + " " + view.prices()));
            return view;
        }));
    }

    @Override
    public void deletePriceList(Caller caller, long accountId) {
        audit.attempting(caller, "price-list.delete", "account", accountId, () -> store.writing(em -> {
            AccountEntity a = Scope.visibleAccount(em, caller, accountId);
            requireBiller(caller, a, "remove its own prices");
            PriceListEntity e = em.find(PriceListEntity.class, accountId);
            if (e == null) {
                throw MtmException.notFound("own price list of account", accountId);
            }
            em.remove(e);
            audit.append(em, caller, AuditEvent.success("price-list.delete", "account", accountId, accountId,
                "inherits again"));
        }));
    }

    // ---- statements ----------------------------------------------------------------------------------------

    @Override
    public List<Statement> statements(Caller caller, long accountId) {
        return store.read(em -> {
            Scope.visibleAccount(em, caller, accountId);
            return em.createQuery("SELECT s FROM StatementEntity s WHERE s.accountId = :a ORDER BY s.period DESC",
                    StatementEntity.class)
                .setParameter("a", accountId).getResultList().stream().map(s -> Statements.view(em, s, false)).toList();
        });
    }

    @Override
    public Statement statement(Caller caller, long accountId, String period) {
        YearMonth p = Periods.parse("period", period);
        return store.read(em -> statement(em, Scope.visibleAccount(em, caller, accountId), p));
    }

    private static Statement statement(EntityManager em, AccountEntity a, YearMonth p) {
        StatementEntity closed = Statements.closed(em, a.getId(), p);
        return closed != null ? Statements.view(em, closed, true) : Statements.open(em, a, p, PriceLists.required(em, a));
    }

    @Override
    public String statementCsv(Caller caller, long accountId, String period) {
        return Statements.csv(statement(caller, accountId, period));
    }

    @Override
    public Statement close(Caller caller, long accountId, String period) {
        return audit.attempt(caller, "statement.close", "statement", accountId + "/" + period, () -> {
            YearMonth p = Periods.parse("period", period);
            store.read(em -> {
                requireBiller(caller, Scope.visibleAccount(em, caller, accountId), "close its own statements");
                return null;
            });
            YearMonth current = YearMonth.now(ledger.clock().withZone(ZoneOffset.UTC));
            if (!p.isBefore(current)) {
                throw new MtmException(ErrorCode.RULE_VIOLATION, "period", "period: " + p
                    + " can be closed once it has ended, from " + p.plusMonths(1).atDay(1) + " (UTC)");
            }
            // Every day of an ended period is complete: record the ones still missing before rating them.
            ledger.catchUp();
            return store.write(em -> {
                AccountEntity a = Scope.visibleAccount(em, caller, accountId);
                // A close and a correction of the account serialise on its version (see correct).
                em.lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                StatementEntity done = Statements.closed(em, accountId, p);
                if (done != null) {
                    return Statements.view(em, done, true);
                }
                long t0 = System.nanoTime();
                Statement open = Statements.open(em, a, p, PriceLists.required(em, a));
                long rated = System.nanoTime();
                StatementEntity e = Statements.store(em, open, ledger.clock().instant(), caller.username());
                LOG.info("statement {}/{} closed: {} line(s), rated in {} ms, stored in {} ms", accountId, p,
                    open.lines().size(), (rated - t0) / 1_000_000, (System.nanoTime() - rated) / 1_000_000);
                audit.append(em, caller, AuditEvent.success("statement.close", "statement", accountId + "/" + p, accountId,
                    open.lines().size() + " line(s), total " + open.total() + " " + open.currency()));
                return Statements.stored(e, open);
            });
        });
    }

    @Override
    public Statement correct(Caller caller, long accountId, String period, Correction correction) {
        return audit.attempt(caller, "statement.correct", "statement", accountId + "/" + period, () -> {
            YearMonth p = Periods.parse("period", period);
            checkFields(correction);
            YearMonth target = store.write(em -> {
                AccountEntity a = Scope.visibleAccount(em, caller, accountId);
                requireBiller(caller, a, "correct its own statements");
                // The adjustment goes to the first period not closed: a close of that period on another node at the
                // same time raises the account's version too, and the later of the two runs again and sees the other.
                em.lock(a, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                StatementEntity closed = Statements.closed(em, accountId, p);
                if (closed == null) {
                    throw new MtmException(ErrorCode.RULE_VIOLATION, "period", "period: " + p
                        + " is still open; its statement follows the ledger, and only a closed period is corrected");
                }
                AdjustmentEntity j = adjustment(em, caller, a, closed, correction);
                YearMonth next = p.plusMonths(1);
                while (Statements.closed(em, accountId, next) != null) {
                    next = next.plusMonths(1);
                }
                j.setCorrectsPeriod(p.toString());
                j.setPeriod(next.toString());
                em.persist(j);
                audit.append(em, caller, AuditEvent.success("statement.correct", "statement", accountId + "/" + p, accountId,
                    j.getAmount().toPlainString() + " " + closed.getCurrency() + " as an adjustment of " + next + ": "
                        + j.getReason()));
                return next;
            });
            return statement(caller, accountId, target.toString());
        });
    }

    /** What a correction's fields must be whatever the statement: checked before anything is looked up. */
    private static void checkFields(Correction c) {
        if (c == null) {
            throw MtmException.invalid("correction", "is required");
        }
        if (c.amount() == null || c.amount().signum() == 0) {
            throw MtmException.invalid("amount", "is required and must not be 0");
        }
        Fields.text(Correction.REASON, c.reason());
        if (c.licence() != null && !c.licence().isBlank()) {
            PriceLists.licence("licence", c.licence());
        }
    }

    private AdjustmentEntity adjustment(EntityManager em, Caller caller, AccountEntity a, StatementEntity closed,
                                        Correction c) {
        BigDecimal amount = c.amount();
        int scale = Rating.amountScale(closed.getCurrency());
        if (amount.stripTrailingZeros().scale() > scale || amount.abs().compareTo(new BigDecimal("1000000000")) >= 0) {
            throw MtmException.invalid("amount", "must have at most " + scale + " decimals for " + closed.getCurrency()
                + " and be below 1000000000 in size");
        }
        AdjustmentEntity j = new AdjustmentEntity();
        j.setAccountId(a.getId());
        j.setAmount(amount.setScale(scale));
        j.setReason(Fields.text(Correction.REASON, c.reason()));
        j.setLicence(c.licence() == null || c.licence().isBlank() ? null : PriceLists.licence("licence", c.licence()).name());
        if (c.machineId() != null) {
            MachineEntity m = em.find(MachineEntity.class, c.machineId());
            if (m == null || !m.getAccountPath().startsWith(a.getPath())) {
                throw new MtmException(ErrorCode.NOT_FOUND, "machineId", "machine " + c.machineId()
                    + " not found in account " + a.getId());
            }
            j.setMachineId(m.getId());
        }
        j.setCreatedBy(caller.username());
        j.setCreatedAt(ledger.clock().instant());
        return j;
    }

    // ---- reports -------------------------------------------------------------------------------------------

    @Override
    public ActiveUsersReport activeUsers(Caller caller, Long accountId) {
        long id = accountId == null ? caller.accountId() : accountId;
        return store.read(em -> Reports.activeUsers(em, id, Scope.visibleAccount(em, caller, id).getPath(),
            ledger.clock().instant()));
    }

    @Override
    public String activeUsersCsv(Caller caller, Long accountId) {
        return Reports.csv(activeUsers(caller, accountId));
    }

    /**
     * Whoever bills an account: a platform administrator, or a writer of an account above it. An account never
     * prices, closes or corrects its own bill.
     */
    static void requireBiller(Caller caller, AccountEntity a, String what) {
        Objects.requireNonNull(a);
        if (!caller.canBill()) {
            Scope.requireWriter(caller);
        }
        if (caller.isPlatformAdmin()) {
            return;
        }
        if (caller.canWrite()) {
            Scope.requireBelow(caller, a, what);
        } else if (a.getPath().equals(caller.accountPath())) {
            // a billing token: requireBelow without the writer check
            throw MtmException.forbidden("an account cannot " + what + " itself; its parent account does that");
        }
    }
}
