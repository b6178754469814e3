package org.mtmanager.platform.util;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;

public class UpgradePathTest {

    @Test
    public void stepsRunFromTheCurrentVersionThroughEveryLaterOne() {
        UpgradePath path = UpgradePath.parse("value", "15.0 > 15.3 > 16.0 > 16.2");
        assertEquals(List.of("15.3", "16.0", "16.2"), path.stepsFrom("15.0"));
        assertEquals(List.of("16.2"), path.stepsFrom("16.0"));
        assertTrue(path.stepsFrom("16.2").isEmpty());
        assertEquals("16.2", path.latest());
    }

    @Test
    public void aVersionOffThePathIsARuleViolation() {
        try {
            UpgradePath.parse("value", "15.0 > 16.2").stepsFrom("15.1");
            fail();
        } catch (MtmException e) {
            assertEquals(ErrorCode.RULE_VIOLATION, e.code());
            assertEquals("pbxVersion", e.field());
        }
    }

    @Test
    public void badPathsNameTheField() {
        for (String bad : new String[] {"", "15.0 > abc", "16.0 > 15.3", "15.0 > 15.0", "15.0 >> 16.0", "1.2.3.4.5"}) {
            try {
                UpgradePath.parse("value", bad);
                fail("accepted " + bad);
            } catch (MtmException e) {
                assertEquals(bad, ErrorCode.INVALID_FIELD, e.code());
                assertEquals("value", e.field());
            }
        }
    }

    @Test
    public void versionsCompareNumerically() {
        assertTrue(UpgradePath.compare("16.10", "16.9") > 0);
        assertTrue(UpgradePath.compare("16", "16.0") == 0);
        assertTrue(UpgradePath.compare("15.3", "16.0") < 0);
        assertEquals("15.9 > 15.10", UpgradePath.parse("value", "15.9,15.10").toString());
    }
}
