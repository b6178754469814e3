package org.mtmanager.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManagerFactory;

import org.junit.function.ThrowingRunnable;
import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.account.Account;
import org.mtmanager.api.account.AccountDraft;
import org.mtmanager.api.user.User;
import org.mtmanager.api.user.UserDraft;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.cluster.DutyLeases;
import org.mtmanager.platform.cluster.LocalNode;
import org.mtmanager.store.JpaStore;
import org.mtmanager.store.testing.Refusals;
import org.mtmanager.store.testing.TestClock;
import org.mtmanager.store.testing.TestDatabase;
import org.mtmanager.store.testing.TestDatabases;
import org.mtmanager.tenant.account.AccountServiceImpl;
import org.mtmanager.tenant.account.UserServiceImpl;
import org.mtmanager.tenant.audit.AuditServiceImpl;
import org.mtmanager.tenant.bootstrap.PlatformBootstrap;
import org.mtmanager.tenant.catalog.PlanServiceImpl;
import org.mtmanager.tenant.catalog.SettingServiceImpl;
import org.mtmanager.tenant.security.AuthServiceImpl;
import org.mtmanager.tenant.security.SecurityPolicy;

/**
 * A bootstrapped platform on a fresh database per test (in-memory Derby, or PostgreSQL with {@code -Dmtm.test.db=postgres}:
 * {@link TestDatabases}), with every core service wired by hand.
 * Use as a {@code @Rule}.
 */
public class TenantFixture extends ExternalResource {
    public static final String PASSWORD = "Correct-horse-42";
    public static final String CLIENT_IP = "198.51.100.7";

    public final TemporaryFolder tmp = new TemporaryFolder();
    public final TestClock clock = new TestClock(Instant.parse("2030-01-01T10:00:00Z"));
    private TestDatabase db;
    private final List<EntityManagerFactory> others = new ArrayList<>();
    public EntityManagerFactory emf;
    public JpaStore store;
    public AuditLog audit;
    public SecurityPolicy policy;
    public PlatformBootstrap boot;
    public AuthServiceImpl auth;
    public AccountServiceImpl accounts;
    public UserServiceImpl users;
    public PlanServiceImpl plans;
    public SettingServiceImpl settings;
    public AuditServiceImpl auditService;
    /** This node's duty leases (node "n1"), on the test clock. */
    public DutyLeases duties;
    /** The platform acting through REST with the platform administrator's scope. */
    public Caller admin;

    @Override
    protected void before() throws Throwable {
        tmp.create();
        db = TestDatabases.migrated("core");
        emf = db.factory();
        store = new JpaStore(emf);
        audit = new AuditLog(store);
        // Few iterations, so hashing is fast; otherwise the production defaults.
        policy = new SecurityPolicy(5, Duration.ofMinutes(15), 10, 1000, Duration.ofSeconds(60));
        boot = new PlatformBootstrap(store, audit, policy, tmp.getRoot().toPath());
        auth = newAuth();
        accounts = new AccountServiceImpl(store, audit);
        users = new UserServiceImpl(store, audit, policy);
        plans = new PlanServiceImpl(store, audit);
        settings = new SettingServiceImpl(store, audit);
        auditService = new AuditServiceImpl(store);
        duties = new DutyLeases(store, LocalNode.named("n1"), clock);
        admin = boot.systemCaller(Channel.REST);
    }

    /** Another store on the same database, as another node of the platform has: its own connections and caches. */
    public JpaStore otherNode() {
        EntityManagerFactory other = db.factory();
        others.add(other);
        return new JpaStore(other);
    }

    @Override
    protected void after() {
        others.forEach(EntityManagerFactory::close);
        if (emf != null) {
            emf.close();
        }
        if (db != null) {
            db.close();
        }
        tmp.delete();
    }

    /** A new authentication service over the same store, as after a restart. */
    public AuthServiceImpl newAuth() {
        return new AuthServiceImpl(store, audit, policy, boot, clock);
    }

    public Account account(Caller caller, Long parentId, String type, String name) {
        return accounts.create(caller, new AccountDraft(parentId, type, name, null));
    }

    public User user(Caller caller, long accountId, String username, String role) {
        return users.create(caller, new UserDraft(accountId, username, PASSWORD, role, null, null));
    }

    /** Logs in with {@link #PASSWORD} over REST from {@link #CLIENT_IP}. */
    public Caller login(String username) {
        return auth.authenticate(username, PASSWORD, CLIENT_IP, Channel.REST);
    }

    /** Creates an account of the given type under the platform, with an admin user of the given role, and logs in. */
    public Caller tenantAdmin(String type, String accountName, String username, String role) {
        Account a = account(admin, null, type, accountName);
        user(admin, a.id(), username, role);
        return login(username);
    }

    /** Runs {@code r}, which must fail with {@code code} naming {@code field} (null: no field). */
    public static MtmException expect(ErrorCode code, String field, ThrowingRunnable r) {
        return Refusals.expect(code, field, r);
    }

    public long count(String entity) {
        return store.read(em -> em.createQuery("SELECT COUNT(x) FROM " + entity + " x", Long.class).getSingleResult());
    }
}
