package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A user. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "UserData", propOrder = {"id", "accountId", "username", "role", "fullName", "email", "lockedUntil", "lastLoginAt", "createdAt"})
public class UserData {
    public long id;
    public long accountId;
    public String username;
    public String role;
    public String fullName;
    public String email;
    public String lockedUntil;
    public String lastLoginAt;
    public String createdAt;
}
