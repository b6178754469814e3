package org.mtmanager.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** What createUser takes. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "NewUser", propOrder = {"accountId", "username", "password", "role", "fullName", "email"})
public class NewUser {
    public Long accountId;
    public String username;
    public String password;
    public String role;
    public String fullName;
    public String email;
}
