package org.mtmanager.store.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.function.ThrowingRunnable;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;

/** What a refused input must say, in every domain's tests: its code and the field it names. */
public final class Refusals {
    private Refusals() {
    }

    /** Runs {@code r}, which must fail with {@code code} naming {@code field} (null: no field). */
    public static MtmException expect(ErrorCode code, String field, ThrowingRunnable r) {
        MtmException e = assertThrows(MtmException.class, r);
        assertEquals("code of: " + e.getMessage(), code, e.code());
        assertEquals("field of: " + e.getMessage(), field, e.field());
        return e;
    }
}
