package org.mtmanager.store.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One portal whitelist entry of an account, in canonical CIDR form. */
@Entity
@EntityListeners(EntityChanges.Written.class)
@Table(name = "MTM_WHITELIST", uniqueConstraints = @UniqueConstraint(name = "UQ_WHITELIST", columnNames = {"ACCOUNTID", "CIDR"}), indexes = @Index(name = "IX_WHITELIST_ACCOUNT", columnList = "ACCOUNTID"))
public class WhitelistEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private long accountId;
    @Column(length = 64, nullable = false)
    private String cidr;
    @Column(length = 200)
    private String description;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    public String getCidr() {
        return cidr;
    }

    public void setCidr(String cidr) {
        this.cidr = cidr;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
