package org.mtmanager.tenant.bootstrap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.Rule;
import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.PageRequest;
import org.mtmanager.api.Role;
import org.mtmanager.api.audit.AuditQuery;
import org.mtmanager.tenant.TenantFixture;
import org.mtmanager.tenant.catalog.SettingCatalog;

/** First start: the platform, its administrator and the password file; later starts leave them alone. */
public class PlatformBootstrapTest {
    @Rule
    public final TenantFixture f = new TenantFixture();

    private Path passwordFile() {
        return f.tmp.getRoot().toPath().resolve("initial-admin-password");
    }

    private long countWhere(String jpql) {
        return f.store.read(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }

    @Test
    public void passwordFileIsPrivateAndItsPasswordLogsInAsAdmin() throws Exception {
        Path file = passwordFile();
        assertTrue(Files.isRegularFile(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertEquals(20, password.length());

        Caller admin = f.auth.authenticate("admin", password, "192.0.2.1", Channel.REST);
        assertEquals("admin", admin.username());
        assertEquals(Role.PLATFORM_ADMIN, admin.role());
        assertEquals(f.boot.rootAccountId(), admin.accountId());
        assertEquals("/" + f.boot.rootAccountId() + "/", admin.accountPath());
        TenantFixture.expect(ErrorCode.UNAUTHENTICATED, null,
            () -> f.auth.authenticate("admin", password + "x", "192.0.2.1", Channel.REST));
    }

    @Test
    public void firstStartSeedsThePlatformOnce() {
        assertEquals(1, countWhere("SELECT COUNT(a) FROM AccountEntity a WHERE a.type = 'PLATFORM'"));
        assertEquals(1, countWhere("SELECT COUNT(u) FROM UserEntity u"));
        assertEquals(4, f.plans.list(f.admin).size());
        assertEquals(2, f.count("AppEntity"));
        assertEquals(SettingCatalog.ALL.size(), f.settings.list(f.admin).size());
        assertEquals(1, f.auditService.list(f.admin, new AuditQuery(null, "platform.init", null, null, null, null),
            PageRequest.first(10)).total());
    }

    @Test
    public void secondStartCreatesNothingAndKeepsTheFile() throws Exception {
        Path file = passwordFile();
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        Files.writeString(file, "marker\n", StandardCharsets.UTF_8);
        f.settings.set(f.admin, "portal.session-idle-minutes", "45");
        long audits = f.count("AuditEntity");

        PlatformBootstrap again = new PlatformBootstrap(f.store, f.audit, f.policy, f.tmp.getRoot().toPath());
        Path otherDir = f.tmp.newFolder("other").toPath();
        PlatformBootstrap third = new PlatformBootstrap(f.store, f.audit, f.policy, otherDir);

        assertEquals(f.boot.rootAccountId(), again.rootAccountId());
        assertEquals(f.boot.rootAccountId(), third.rootAccountId());
        assertEquals(1, countWhere("SELECT COUNT(a) FROM AccountEntity a WHERE a.type = 'PLATFORM'"));
        assertEquals(1, countWhere("SELECT COUNT(u) FROM UserEntity u WHERE u.usernameKey = 'admin'"));
        assertEquals(4, f.plans.list(f.admin).size());
        assertEquals(2, f.count("AppEntity"));
        assertEquals(audits, f.count("AuditEntity"));
        // The file is neither rewritten nor created elsewhere, and the original password still works.
        assertEquals("marker\n", Files.readString(file, StandardCharsets.UTF_8));
        assertFalse(Files.exists(otherDir.resolve("initial-admin-password")));
        assertEquals("admin", f.newAuth().authenticate("admin", password, "192.0.2.1", Channel.REST).username());
        // Values already chosen survive a restart; definitions stay in force.
        assertEquals("45", f.settings.get(f.admin, "portal.session-idle-minutes").value());
        assertTrue(f.settings.get(f.admin, "network.reserved-port-range").locked());
    }

    @Test
    public void systemCallerHasThePlatformScope() {
        Caller system = f.boot.systemCaller(Channel.SYSTEM);
        assertEquals(0, system.userId());
        assertEquals("system", system.username());
        assertEquals(Role.PLATFORM_ADMIN, system.role());
        assertEquals(f.boot.rootAccountId(), system.accountId());
        assertEquals(system, f.auth.system(Channel.SYSTEM));
    }
}
