package org.mtmanager.store.entity;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A line of a closed statement, in its order ({@code lineNo}). */
@Entity
@Table(name = "MTM_STATEMENT_LINE", indexes = @Index(name = "IX_STATEMENT_LINE", columnList = "STATEMENTID, LINENO"))
public class StatementLineEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long statementId;
    private int lineNo;
    @Column(length = 16, nullable = false)
    private String kind;
    private long machineId;
    @Column(length = 32)
    private String serial;
    @Column(length = 63)
    private String hostname;
    @Column(length = 16)
    private String licence;
    private int quantity;
    @Column(precision = 19, scale = 4)
    private BigDecimal licenceDays;
    @Column(precision = 19, scale = 4)
    private BigDecimal unitPrice;
    @Column(precision = 21, scale = 4)
    private BigDecimal amount;
    @Column(length = 300)
    private String note;

    public long getId() {
        return id;
    }

    public long getStatementId() {
        return statementId;
    }

    public void setStatementId(long statementId) {
        this.statementId = statementId;
    }

    public int getLineNo() {
        return lineNo;
    }

    public void setLineNo(int lineNo) {
        this.lineNo = lineNo;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public long getMachineId() {
        return machineId;
    }

    public void setMachineId(long machineId) {
        this.machineId = machineId;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public String getLicence() {
        return licence;
    }

    public void setLicence(String licence) {
        this.licence = licence;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getLicenceDays() {
        return licenceDays;
    }

    public void setLicenceDays(BigDecimal licenceDays) {
        this.licenceDays = licenceDays;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
