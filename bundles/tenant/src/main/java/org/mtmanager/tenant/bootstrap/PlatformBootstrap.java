package org.mtmanager.tenant.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.Credential;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountStatus;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.api.app.LicenceType;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.plan.ResourcePlan;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.SystemCaller;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.AppEntity;
import org.mtmanager.store.entity.SettingEntity;
import org.mtmanager.store.entity.UserEntity;
import org.mtmanager.tenant.catalog.PlanServiceImpl;
import org.mtmanager.tenant.catalog.SettingCatalog;
import org.mtmanager.tenant.security.PasswordHasher;
import org.mtmanager.tenant.security.SecurityPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the platform usable: on first start it creates the platform account, the {@code admin} user with a random
 * password (written to {@code data/mtm/initial-admin-password}, mode 600, and logged once), the default plans
 * and apps; on every start it brings the settings in line with {@link SettingCatalog}. Authentication waits
 * for this service, so nobody can log in to a half-seeded platform.
 */
@Component(service = {PlatformBootstrap.class, SystemCaller.class}, immediate = true)
public class PlatformBootstrap implements SystemCaller {
    public static final String ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(PlatformBootstrap.class);

    private final Store store;
    private final AuditLog audit;
    private final SecurityPolicy policy;
    private final Path dataDir;
    private final Clock clock;
    private volatile AccountEntity root;

    @Activate
    public PlatformBootstrap(@Reference Store store, @Reference AuditLog audit, @Reference SecurityPolicy policy,
                             Map<String, Object> props) {
        this(store, audit, policy, Paths.get(String.valueOf(props.getOrDefault("dataDir",
            System.getProperty("karaf.data", "data"))), "mtm"));
    }

    public PlatformBootstrap(Store store, AuditLog audit, SecurityPolicy policy, Path dataDir) {
        this(store, audit, policy, dataDir, Clock.systemUTC());
    }

    public PlatformBootstrap(Store store, AuditLog audit, SecurityPolicy policy, Path dataDir, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.policy = policy;
        this.dataDir = dataDir;
        this.clock = clock;
        start();
    }

    private void start() {
        root = store.read(PlatformBootstrap::findRoot);
        if (root == null) {
            firstStart();
        }
        syncSettings();
    }

    private void firstStart() {
        String password = PasswordHasher.randomPassword(20);
        String hash = policy.hasher().hash(password);
        boolean[] created = {false};
        root = store.write(em -> {
            // Another node starting on the same new database may have created it meanwhile: the platform account's
            // unique name refuses the second, and the store runs this again, which then finds the first.
            AccountEntity existing = findRoot(em);
            created[0] = existing == null;
            if (existing != null) {
                return existing;
            }
            Instant now = clock.instant();
            AccountEntity a = new AccountEntity();
            a.setType(AccountType.PLATFORM.name());
            a.setName("platform");
            a.setNameKey("platform");
            a.setStatus(AccountStatus.ACTIVE.name());
            a.setCreatedAt(now);
            a.setUpdatedAt(now);
            em.persist(a);
            em.flush();
            a.setPath("/" + a.getId() + "/");
            UserEntity u = new UserEntity();
            u.setAccountId(a.getId());
            u.setUsername(ADMIN);
            u.setUsernameKey(ADMIN);
            u.setRole(Role.PLATFORM_ADMIN.name());
            u.setFullName("Platform administrator");
            u.setPasswordHash(hash);
            u.setCreatedAt(now);
            u.setPasswordChangedAt(now);
            em.persist(u);
            for (ResourcePlan p : defaultPlans()) {
                em.persist(PlanServiceImpl.entity(a.getId(), p));
            }
            em.persist(app("cloudphone", "CloudPhone", LicenceType.PER_USER, "Softphone for every user of the PBX"));
            em.persist(app("statexplorer", "StatExplorer", LicenceType.PER_MACHINE, "Call statistics and reports"));
            em.flush();
            Caller system = caller(a, Channel.SYSTEM);
            audit.append(em, system, AuditEvent.success("platform.init", "account", a.getId(), a.getId(),
                "platform account, user admin, plans SS/S/M/L, apps cloudphone/statexplorer"));
            return a;
        });
        if (!created[0]) {
            return;
        }
        Path file = dataDir.resolve("initial-admin-password");
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            LOG.warn("MT Manager first start: platform administrator '{}' created with password {} (also in {}). "
                + "Change it with mtm:user-password.", ADMIN, password, file.toAbsolutePath());
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("MT Manager first start: platform administrator '{}' created with password {} ({} could not be written: {})",
                ADMIN, password, file.toAbsolutePath(), e.toString());
        }
    }

    /** Adds settings new to this release and refreshes definitions; values already chosen are kept. */
    private void syncSettings() {
        store.writing(em -> {
            for (SettingCatalog.Definition d : SettingCatalog.ALL) {
                SettingEntity s = em.find(SettingEntity.class, d.key());
                if (s == null) {
                    s = new SettingEntity();
                    s.setKey(d.key());
                    s.setValue(d.defaultValue());
                    s.setUpdatedAt(clock.instant());
                    s.setUpdatedBy("system");
                    em.persist(s);
                }
                s.setType(d.type().name());
                s.setChoices(String.join(",", d.choices()));
                s.setLocked(d.locked());
                s.setDescription(d.description());
                s.setLockReason(d.lockReason());
            }
        });
    }

    public static List<ResourcePlan> defaultPlans() {
        return List.of(
            new ResourcePlan(0, 0, "SS", 1, 1, 1024, 10, 10, 1, 4),
            new ResourcePlan(0, 0, "S", 2, 1, 2048, 20, 25, 2, 10),
            new ResourcePlan(0, 0, "M", 3, 2, 4096, 40, 100, 5, 30),
            new ResourcePlan(0, 0, "L", 4, 4, 8192, 80, 300, 10, 60));
    }

    private static AppEntity app(String key, String name, LicenceType type, String description) {
        AppEntity e = new AppEntity();
        e.setKey(key);
        e.setName(name);
        e.setLicenceType(type.name());
        e.setDescription(description);
        e.setEnabled(true);
        return e;
    }

    private static AccountEntity findRoot(EntityManager em) {
        List<AccountEntity> r = em.createQuery("SELECT a FROM AccountEntity a WHERE a.parentId = 0 AND a.type = 'PLATFORM'",
            AccountEntity.class).getResultList();
        return r.isEmpty() ? null : r.get(0);
    }

    private static Caller caller(AccountEntity root, Channel channel) {
        return new Caller(0, "system", root.getId(), root.getPath(), Role.PLATFORM_ADMIN, "local", channel,
            Credential.PLATFORM);
    }

    /** The platform acting on its own behalf, with the platform administrator's scope. */
    @Override
    public Caller systemCaller(Channel channel) {
        return caller(root, channel);
    }

    public long rootAccountId() {
        return root.getId();
    }
}
