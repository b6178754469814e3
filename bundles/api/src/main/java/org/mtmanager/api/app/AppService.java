package org.mtmanager.api.app;

import java.util.List;

import org.mtmanager.api.Caller;

/** The apps catalog; changes are for the platform administrator. */
public interface AppService {

    List<App> list(Caller caller);

    App get(Caller caller, String key);

    App create(Caller caller, AppDraft draft);

    App update(Caller caller, String key, AppDraft change);

    void delete(Caller caller, String key);
}
