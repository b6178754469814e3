package org.mtmanager.api.setting;

import java.util.List;

import org.mtmanager.api.Caller;

/**
 * Reads and changes platform settings. Operators and the platform administrator see them all, every other user
 * only those its forms need (the default plan, the upgrade path), and {@link
 * org.mtmanager.api.ErrorCode#FORBIDDEN} for the others. Settings are platform-wide, one set for every operator,
 * so only a platform administrator changes them, locked or not: anyone else gets {@link
 * org.mtmanager.api.ErrorCode#SETTING_LOCKED} for a locked one and {@link org.mtmanager.api.ErrorCode#FORBIDDEN}
 * for another (audited).
 */
public interface SettingService {

    List<Setting> list(Caller caller);

    Setting get(Caller caller, String key);

    /**
     * Validates the value against the setting's type and stores it in canonical form. Settings are platform-wide:
     * only a platform administrator changes them (SETTING_LOCKED for a locked one, FORBIDDEN for another, to
     * anyone else).
     */
    Setting set(Caller caller, String key, String value);
}
