package org.mtmanager.api.setting;

import java.time.Instant;
import java.util.List;

/**
 * A platform setting.
 *
 * @param choices  the allowed values of a {@link SettingType#CHOICE} setting, else empty
 * @param locked   whether only the platform administrator may change it
 * @param lockReason why it is locked, shown to those who may not change it
 */
public record Setting(String key, SettingType type, String value, List<String> choices, boolean locked,
                      String description, String lockReason, Instant updatedAt, String updatedBy) {
    public Setting {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
