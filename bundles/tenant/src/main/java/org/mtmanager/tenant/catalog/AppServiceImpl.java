package org.mtmanager.tenant.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.mtmanager.api.Caller;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.app.App;
import org.mtmanager.api.app.AppDraft;
import org.mtmanager.api.app.AppService;
import org.mtmanager.api.app.LicenceType;
import org.mtmanager.api.audit.AuditEvent;
import org.mtmanager.platform.audit.AuditLog;
import org.mtmanager.platform.scope.Scope;
import org.mtmanager.platform.util.Fields;
import org.mtmanager.store.Store;
import org.mtmanager.store.entity.AppEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The apps catalog: readable by everyone, managed by the platform administrator. */
@Component(service = AppService.class)
public class AppServiceImpl implements AppService {
    private final Store store;
    private final AuditLog audit;

    @Activate
    public AppServiceImpl(@Reference Store store, @Reference AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public List<App> list(Caller caller) {
        return store.read(em -> em.createQuery("SELECT a FROM AppEntity a ORDER BY a.key", AppEntity.class)
            .getResultList().stream().map(AppServiceImpl::view).toList());
    }

    @Override
    public App get(Caller caller, String key) {
        return store.read(em -> view(find(em, key)));
    }

    @Override
    public App create(Caller caller, AppDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return audit.attempt(caller, "app.create", "app", draft.key(), () -> {
            Scope.requirePlatformAdmin(caller);
            AppEntity e = new AppEntity();
            e.setKey(Fields.key("key", draft.key()));
            e.setName(Fields.text(AppDraft.NAME, draft.name()));
            e.setLicenceType(licence(draft.licenceType()).name());
            e.setDescription(Fields.text(AppDraft.DESCRIPTION, draft.description()));
            e.setEnabled(draft.enabled() == null || draft.enabled());
            return store.write(em -> {
                if (em.find(AppEntity.class, e.getKey()) != null) {
                    throw MtmException.conflict("key", "key: app " + e.getKey() + " already exists");
                }
                em.persist(e);
                audit.append(em, caller, AuditEvent.success("app.create", "app", e.getKey(), caller.accountId(),
                    e.getName() + " " + e.getLicenceType()));
                return view(e);
            });
        });
    }

    @Override
    public App update(Caller caller, String key, AppDraft change) {
        Objects.requireNonNull(change, "change");
        return audit.attempt(caller, "app.update", "app", key, () -> store.write(em -> {
            Scope.requirePlatformAdmin(caller);
            AppEntity e = find(em, key);
            if (change.key() != null && !change.key().equals(e.getKey())) {
                throw MtmException.invalid("key", "cannot be changed");
            }
            if (change.name() != null) {
                e.setName(Fields.text(AppDraft.NAME, change.name()));
            }
            if (change.licenceType() != null) {
                e.setLicenceType(licence(change.licenceType()).name());
            }
            if (change.description() != null) {
                e.setDescription(Fields.text(AppDraft.DESCRIPTION, change.description()));
            }
            if (change.enabled() != null) {
                e.setEnabled(change.enabled());
            }
            audit.append(em, caller, AuditEvent.success("app.update", "app", e.getKey(), caller.accountId(),
                e.getName() + " " + e.getLicenceType() + (e.isEnabled() ? "" : " (disabled)")));
            return view(e);
        }));
    }

    @Override
    public void delete(Caller caller, String key) {
        audit.attempting(caller, "app.delete", "app", key, () -> store.writing(em -> {
            Scope.requirePlatformAdmin(caller);
            AppEntity e = find(em, key);
            audit.append(em, caller, AuditEvent.success("app.delete", "app", e.getKey(), caller.accountId(), e.getName()));
            em.remove(e);
        }));
    }

    private static LicenceType licence(String value) {
        if (value == null || value.isBlank()) {
            throw MtmException.invalid("licenceType", "is required");
        }
        try {
            return LicenceType.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw MtmException.invalid("licenceType", "must be PER_MACHINE or PER_USER");
        }
    }

    private static AppEntity find(EntityManager em, String key) {
        if (key == null || key.isBlank()) {
            throw MtmException.invalid("key", "is required");
        }
        AppEntity e = em.find(AppEntity.class, key.strip());
        if (e == null) {
            throw MtmException.notFound("app", key.strip());
        }
        return e;
    }

    static App view(AppEntity e) {
        return new App(e.getKey(), e.getName(), LicenceType.valueOf(e.getLicenceType()), e.getDescription(), e.isEnabled());
    }
}
