package org.mtmanager.tenant.catalog;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Role;
import org.mtmanager.api.account.AccountType;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.api.setting.Setting;
import org.mtmanager.api.setting.SettingService;
import org.mtmanager.api.setting.SettingType;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AccountEntity;
import org.mtmanager.store.entity.SettingEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Platform settings: one platform-wide set, read by platform and operator users (every other user reads only those
 * its forms need, {@link SettingCatalog#FOR_EVERY_ACCOUNT}) and changed by a platform administrator alone (an
 * operator's own choices live in its resource plans and price list). A change to a locked setting by anyone else is
 * refused as locked. Every refused change is audited (through {@link AuditLog#attempt}).
 */
@Component(service = SettingService.class)
public class SettingServiceImpl implements SettingService {
    private final Store store;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public SettingServiceImpl(@Reference Store store, @Reference AuditLog audit) {
        this(store, audit, Clock.systemUTC());
    }

    public SettingServiceImpl(Store store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Setting> list(Caller caller) {
        return store.read(em -> {
            boolean all = readsAll(em, caller);
            return em.createQuery("SELECT s FROM SettingEntity s ORDER BY s.key", SettingEntity.class).getResultList()
                .stream().filter(s -> all || SettingCatalog.FOR_EVERY_ACCOUNT.contains(s.getKey()))
                .map(SettingServiceImpl::view).toList();
        });
    }

    @Override
    public Setting get(Caller caller, String key) {
        return store.read(em -> {
            if (key == null || !SettingCatalog.FOR_EVERY_ACCOUNT.contains(key.strip())) {
                requireReader(em, caller);
            }
            return view(find(em, key));
        });
    }

    @Override
    public Setting set(Caller caller, String key, String value) {
        return audit.attempt(caller, "setting.set", "setting", key, () -> store.write(em -> {
            requireReader(em, caller);
            SettingEntity s = find(em, key);
            Scope.requireWriter(caller);
            if (s.isLocked() && !caller.isPlatformAdmin()) {
                throw new MtmException(ErrorCode.SETTING_LOCKED, "key", "setting " + s.getKey() + " is locked: "
                    + s.getLockReason() + ". Only the platform administrator may change it.");
            }
            if (!caller.isPlatformAdmin()) {
                // One set serves every operator on the platform: one operator's change would be every other's.
                throw new MtmException(ErrorCode.FORBIDDEN, "key", "setting " + s.getKey() + " is platform-wide, the same"
                    + " for every operator: only a platform administrator changes it (an operator changes its own resource"
                    + " plans and price list)");
            }
            String canonical = SettingCatalog.canonical("value", SettingType.valueOf(s.getType()), choices(s), value);
            String before = s.getValue();
            s.setValue(canonical);
            s.setUpdatedAt(clock.instant());
            s.setUpdatedBy(caller.username());
            audit.append(em, caller, AuditEvent.success("setting.set", "setting", s.getKey(), caller.accountId(),
                before + " -> " + canonical));
            return view(s);
        }));
    }

    /** Settings are the platform's and its operators' business, not that of resellers or their customers. */
    private static void requireReader(EntityManager em, Caller caller) {
        if (!readsAll(em, caller)) {
            throw MtmException.forbidden("settings are visible to platform and operator users only");
        }
    }

    private static boolean readsAll(EntityManager em, Caller caller) {
        if (caller.role() == Role.PLATFORM_ADMIN || caller.role() == Role.OPERATOR_ADMIN) {
            return true;
        }
        AccountEntity a = em.find(AccountEntity.class, caller.accountId());
        AccountType type = a == null ? null : AccountType.valueOf(a.getType());
        return type == AccountType.PLATFORM || type == AccountType.OPERATOR;
    }

    private static SettingEntity find(EntityManager em, String key) {
        if (key == null || key.isBlank()) {
            throw MtmException.invalid("key", "is required");
        }
        SettingEntity s = em.find(SettingEntity.class, key.strip());
        if (s == null) {
            throw new MtmException(ErrorCode.NOT_FOUND, "key", "setting " + key.strip() + " not found");
        }
        return s;
    }

    private static List<String> choices(SettingEntity s) {
        return s.getChoices() == null || s.getChoices().isEmpty() ? List.of() : Arrays.asList(s.getChoices().split(","));
    }

    static Setting view(SettingEntity s) {
        return new Setting(s.getKey(), SettingType.valueOf(s.getType()), s.getValue(), choices(s), s.isLocked(),
            s.getDescription(), s.getLockReason(), s.getUpdatedAt(), s.getUpdatedBy());
    }
}
