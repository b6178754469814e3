package org.mtmanager.shell.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountQuery;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.api.plan.PlanService;
import org.mtmanager.api.setting.SettingService;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.api.user.UserService;

/**
 * Tab completion of the tenant model's ids and names, limited to what the console's user may see, and the one
 * completion helper that every domain's completers use. The completers are this bundle's console services; a
 * command in another bundle names them in its {@code @Completion}, and the console finds them by class.
 */
public final class Completers {

    private Completers() {
    }

    /** The values that complete what the console's user has typed so far. */
    public static int complete(List<String> values, Session session, CommandLine line, List<String> candidates) {
        return new StringsCompleter(values).complete(session, line, candidates);
    }

    /** Account names and ids. */
    @Service
    public static class Accounts implements Completer {
        @Reference AuthService auth;
        @Reference AccountService accounts;

        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            List<String> values = new ArrayList<>();
            accounts.list(ConsoleCaller.of(auth), AccountQuery.ALL, PageRequest.first(PageRequest.MAX_LIMIT)).items()
                .forEach(a -> {
                    values.add(a.name());
                    values.add(String.valueOf(a.id()));
                });
            return Completers.complete(values, session, line, candidates);
        }
    }

    /** User names. */
    @Service
    public static class Users implements Completer {
        @Reference AuthService auth;
        @Reference UserService users;

        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            return Completers.complete(users.list(ConsoleCaller.of(auth), null, PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream().map(u -> u.username()).toList(), session, line, candidates);
        }
    }

    /** Plan names. */
    @Service
    public static class Plans implements Completer {
        @Reference AuthService auth;
        @Reference PlanService plans;

        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            return Completers.complete(plans.list(ConsoleCaller.of(auth)).stream().map(p -> p.name()).distinct().toList(),
                session, line, candidates);
        }
    }

    /** Setting keys. */
    @Service
    public static class Settings implements Completer {
        @Reference AuthService auth;
        @Reference SettingService settings;

        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            return Completers.complete(settings.list(ConsoleCaller.of(auth)).stream().map(s -> s.key()).toList(),
                session, line, candidates);
        }
    }

    /** Role wire names. */
    @Service
    public static class Roles implements Completer {
        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            return Completers.complete(Arrays.stream(Role.values()).map(Role::wireName).toList(),
                session, line, candidates);
        }
    }

    /** Account type wire names. */
    @Service
    public static class Types implements Completer {
        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            return Completers.complete(Arrays.stream(AccountType.values()).map(AccountType::wireName).toList(),
                session, line, candidates);
        }
    }
}
