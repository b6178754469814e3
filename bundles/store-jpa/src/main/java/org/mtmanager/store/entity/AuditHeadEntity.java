package org.mtmanager.store.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The head of the audit chain: its one row ({@code id} 1) holds the last entry's sequence number and hash. An
 * appending transaction locks it first, so appends from every node follow each other in commit order, with no gap
 * and no fork.
 */
@Entity
@Table(name = "MTM_AUDIT_HEAD")
public class AuditHeadEntity {
    public static final int ID = 1;

    @Id
    private int id;
    private long seq;
    @Column(length = 64, nullable = false)
    private String lastHash;

    public int getId() {
        return id;
    }

    public void setId(int id) {
        this.id = id;
    }

    public long getSeq() {
        return seq;
    }

    public void setSeq(long seq) {
        this.seq = seq;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void setLastHash(String lastHash) {
        this.lastHash = lastHash;
    }
}
