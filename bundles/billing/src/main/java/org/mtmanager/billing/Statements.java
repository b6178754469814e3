package org.mtmanager.billing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.mtmanager.api.billing.Licence;
import org.mtmanager.api.billing.LineKind;
import org.mtmanager.api.billing.PriceList;
import org.mtmanager.api.billing.RatingMode;
import org.mtmanager.api.billing.Statement;
import org.mtmanager.api.billing.StatementLine;
import org.mtmanager.api.billing.StatementState;
import org.mtmanager.store.ColumnFit;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.AdjustmentEntity;
import org.mtmanager.store.entity.StatementEntity;
import org.mtmanager.store.entity.StatementLineEntity;

/**
 * Statements: an open one is rated from the ledger on each read; closing stores exactly what that read would
 * have shown, and from then on the stored one is the statement.
 */
final class Statements {

    private Statements() {
    }

    static StatementEntity closed(EntityManager em, long accountId, YearMonth period) {
        List<StatementEntity> found = em.createQuery(
                "SELECT s FROM StatementEntity s WHERE s.accountId = :a AND s.period = :p", StatementEntity.class)
            .setParameter("a", accountId).setParameter("p", period.toString()).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The open statement as it stands: the ledger's records so far, rated, plus the adjustments it carries. */
    static Statement open(EntityManager em, AccountEntity a, YearMonth period, PriceList prices) {
        List<StatementLine> lines = new ArrayList<>(Rating.charges(Usage.totals(em, a.getPath(), period), prices,
            period.lengthOfMonth()));
        lines.addAll(adjustments(em, a.getId(), period, prices.currency()));
        return new Statement(a.getId(), period.toString(), StatementState.OPEN, prices.currency(), prices.ratingMode(),
            period.lengthOfMonth(), Rating.total(lines, prices.currency()), lines.size(), lines, null, null);
    }

    static List<StatementLine> adjustments(EntityManager em, long accountId, YearMonth period, String currency) {
        int scale = Rating.amountScale(currency);
        return em.createQuery("SELECT j FROM AdjustmentEntity j WHERE j.accountId = :a AND j.period = :p ORDER BY j.id",
                AdjustmentEntity.class)
            .setParameter("a", accountId).setParameter("p", period.toString()).getResultList().stream()
            .map(j -> new StatementLine(LineKind.ADJUSTMENT, j.getMachineId(), null, null,
                j.getLicence() == null ? null : Licence.valueOf(j.getLicence()), 0, BigDecimal.ZERO.setScale(Rating.DAYS_SCALE),
                BigDecimal.ZERO.setScale(Rating.PRICE_SCALE), j.getAmount().setScale(scale),
                "correction of " + j.getCorrectsPeriod() + ": " + j.getReason()))
            .toList();
    }

    /** Stores an open statement as closed. */
    static StatementEntity store(EntityManager em, Statement s, Instant at, String by) {
        StatementEntity e = new StatementEntity();
        e.setAccountId(s.accountId());
        e.setPeriod(s.period());
        e.setCurrency(s.currency());
        e.setRatingMode(s.ratingMode().name());
        e.setDaysInPeriod(s.daysInPeriod());
        e.setTotal(s.total());
        e.setLineCount(s.lines().size());
        e.setClosedAt(at);
        e.setClosedBy(by);
        em.persist(e);
        em.flush();
        insertLines(em, e.getId(), s.lines());
        return e;
    }

    private static final String INSERT_LINE = "INSERT INTO MTM_STATEMENT_LINE (STATEMENTID, LINENO, KIND, MACHINEID, SERIAL, "
        + "HOSTNAME, LICENCE, QUANTITY, LICENCEDAYS, UNITPRICE, AMOUNT, NOTE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 1_000;

    /**
     * A statement's lines, in JDBC batches on the transaction's own connection: a large account's month has a
     * hundred thousand lines, and managed entities cost far more than the rows. Each line is cut to its columns as
     * the store cuts every entity it writes.
     */
    private static void insertLines(EntityManager em, long statementId, List<StatementLine> lines) {
        try (Connection c = em.unwrap(Connection.class); PreparedStatement ps = c.prepareStatement(INSERT_LINE)) {
            int n = 0;
            for (StatementLine l : lines) {
                StatementLineEntity le = new StatementLineEntity();
                le.setStatementId(statementId);
                le.setLineNo(++n);
                le.setKind(l.kind().name());
                le.setMachineId(l.machineId());
                le.setSerial(l.serial());
                le.setHostname(l.hostname());
                le.setLicence(l.licence() == null ? null : l.licence().name());
                le.setQuantity(l.quantity());
                le.setLicenceDays(l.licenceDays());
                le.setUnitPrice(l.unitPrice());
                le.setAmount(l.amount());
                le.setNote(l.note());
                ColumnFit.fit(le);
                ps.setLong(1, le.getStatementId());
                ps.setInt(2, le.getLineNo());
                ps.setString(3, le.getKind());
                ps.setLong(4, le.getMachineId());
                ps.setString(5, le.getSerial());
                ps.setString(6, le.getHostname());
                ps.setString(7, le.getLicence());
                ps.setInt(8, le.getQuantity());
                ps.setBigDecimal(9, le.getLicenceDays());
                ps.setBigDecimal(10, le.getUnitPrice());
                ps.setBigDecimal(11, le.getAmount());
                ps.setString(12, le.getNote());
                ps.addBatch();
                if (n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException ex) {
            throw new PersistenceException("could not store the lines of statement " + statementId + ": " + ex.getMessage(), ex);
        }
    }

    /** A statement just stored by {@link #store}, from what was stored rather than read back. */
    static Statement stored(StatementEntity e, Statement open) {
        return new Statement(open.accountId(), open.period(), StatementState.CLOSED, open.currency(), open.ratingMode(),
            open.daysInPeriod(), open.total(), open.lines().size(), open.lines(), e.getClosedAt(), e.getClosedBy());
    }

    static Statement view(EntityManager em, StatementEntity e, boolean withLines) {
        int scale = Rating.amountScale(e.getCurrency());
        List<StatementLine> lines = !withLines ? List.of() : em.createQuery("SELECT l.kind, l.machineId, l.serial, l.hostname, "
                + "l.licence, l.quantity, l.licenceDays, l.unitPrice, l.amount, l.note FROM StatementLineEntity l "
                + "WHERE l.statementId = :s ORDER BY l.lineNo", Object[].class)
            .setParameter("s", e.getId()).getResultList().stream()
            .map(r -> new StatementLine(LineKind.valueOf((String) r[0]), (Long) r[1], (String) r[2], (String) r[3],
                r[4] == null ? null : Licence.valueOf((String) r[4]), (Integer) r[5],
                ((BigDecimal) r[6]).setScale(Rating.DAYS_SCALE), ((BigDecimal) r[7]).setScale(Rating.PRICE_SCALE),
                ((BigDecimal) r[8]).setScale(scale), (String) r[9]))
            .toList();
        return new Statement(e.getAccountId(), e.getPeriod(), StatementState.CLOSED, e.getCurrency(),
            RatingMode.valueOf(e.getRatingMode()), e.getDaysInPeriod(), e.getTotal().setScale(scale), e.getLineCount(),
            lines, e.getClosedAt(), e.getClosedBy());
    }

    static final String[] CSV_HEADER = {"account_id", "period", "state", "currency", "kind", "machine_id", "serial",
        "hostname", "licence", "quantity", "licence_days", "unit_price", "amount", "note"};

    static String csv(Statement s) {
        Csv csv = new Csv(CSV_HEADER);
        csv.rows(s.lines(), l -> new Object[] {s.accountId(), s.period(), s.state(), s.currency(), l.kind(),
            l.machineId() == 0 ? null : l.machineId(), l.serial(), l.hostname(), l.licence(), l.quantity(),
            l.licenceDays(), l.unitPrice(), l.amount(), l.note()});
        csv.row(s.accountId(), s.period(), s.state(), s.currency(), "TOTAL", null, null, null, null, null, null, null,
            s.total(), null);
        return csv.toString();
    }
}
