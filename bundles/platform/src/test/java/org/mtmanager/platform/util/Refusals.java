package org.mtmanager.platform.util;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.function.ThrowingRunnable;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;

/** What a refused input must say: its code and the field it names. */
final class Refusals {
    private Refusals() {
    }

    /** Runs {@code r}, which must fail with {@code code} naming {@code field} (null: no field). */
    static MtmException expect(ErrorCode code, String field, ThrowingRunnable r) {
        MtmException e = assertThrows(MtmException.class, r);
        assertEquals("code of: " + e.getMessage(), code, e.code());
        assertEquals("field of: " + e.getMessage(), field, e.field());
        return e;
    }
}
