package org.mtmanager.tenant.account;

import org.mtmanager.api.Role;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountStatus;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.api.account.WhitelistEntry;
import org.mtmanager.api.user.User;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.UserEntity;
import org.mtmanager.store.entity.WhitelistEntity;

/** Entity to API value conversions for the tenant model. */
final class Views {

    private Views() {
    }

    static Account account(AccountEntity a) {
        return new Account(a.getId(), a.getParentId(), AccountType.valueOf(a.getType()), a.getName(),
            a.getContactEmail(), AccountStatus.valueOf(a.getStatus()), a.getCreatedAt(), a.getUpdatedAt(),
            a.isRequireTwoFactor());
    }

    static User user(UserEntity u) {
        return new User(u.getId(), u.getAccountId(), u.getUsername(), Role.valueOf(u.getRole()), u.getFullName(),
            u.getEmail(), u.getLockedUntil(), u.getLastLoginAt(), u.getCreatedAt());
    }

    static WhitelistEntry whitelist(WhitelistEntity w) {
        return new WhitelistEntry(w.getCidr(), w.getDescription());
    }
}
