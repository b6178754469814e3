package org.mtmanager.tenant.catalog;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;
import org.mtmanager.api.setting.SettingType;

public class SettingCatalogTest {

    @Test
    public void anUpgradePathIsStoredInCanonicalForm() {
        assertEquals("15.0 > 16.2", SettingCatalog.canonical("value", SettingType.VERSION_PATH, List.of(), " 15.0>16.2 "));
    }
}
