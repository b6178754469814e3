package org.mtmanager.api.user;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Page;
import org.mtmanager.api.PageRequest;

/** Manages the users of the accounts in the caller's subtree. */
public interface UserService {

    User create(Caller caller, UserDraft draft);

    User get(Caller caller, long id);

    /** Looks a user up by id or by user name within the caller's subtree. */
    User find(Caller caller, String idOrUsername);

    /** Users of the caller's subtree, or of one account of it when accountId is given. */
    Page<User> list(Caller caller, Long accountId, PageRequest page);

    void delete(Caller caller, long id);

    /**
     * Sets a user's password. A caller changing its own password must give the current one; an administrator
     * resetting the password of another user of its subtree need not. Also lifts a lockout.
     */
    void setPassword(Caller caller, long id, String currentPassword, String newPassword);

    User unlock(Caller caller, long id);
}
