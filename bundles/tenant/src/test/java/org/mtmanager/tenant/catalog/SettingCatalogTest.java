package org.mtmanager.tenant.catalog;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.setting.SettingType;

public class SettingCatalogTest {

    @Test
    public void anUpgradePathIsStoredInCanonicalForm() {
        assertEquals("15.0 > 16.2", SettingCatalog.canonical("value", SettingType.VERSION_PATH, List.of(), " 15.0>16.2 "));
    }

    @Test
    public void anAddressListIsStoredAsCanonicalBlocksOnceEachAndMayBeEmpty() {
        assertEquals("192.0.2.0/24, 198.51.100.7/32, 2001:db8::/32",
            SettingCatalog.canonical("value", SettingType.ADDRESS_LIST, List.of(), " 192.0.2.9/24,198.51.100.7, 2001:db8::/32 ,192.0.2.0/24"));
        assertEquals("", SettingCatalog.canonical("value", SettingType.ADDRESS_LIST, List.of(), " "));
        MtmException bad = assertThrows(MtmException.class,
            () -> SettingCatalog.canonical("value", SettingType.ADDRESS_LIST, List.of(), "192.0.2.1, carrier.example"));
        assertEquals("value", bad.field());
    }
}
