package org.mtmanager.store.entity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;

import org.junit.Test;

/** An entity's instants are kept to the millisecond, and read back as the instants they stand for. */
public class TimestampsTest {
    @Test
    public void anInstantIsKeptToTheMillisecondAndNullStaysNull() {
        Instant precise = Instant.parse("2026-03-01T10:15:30.123456789Z");
        assertEquals(Instant.parse("2026-03-01T10:15:30.123Z"), Timestamps.instant(Timestamps.of(precise)));
        assertNull(Timestamps.of(null));
        assertNull(Timestamps.instant(null));
    }

    @Test
    public void anEntitySetterKeepsWhatTheColumnKeeps() {
        JobEntity j = new JobEntity();
        j.setUpdatedAt(Instant.parse("1970-01-01T00:00:00.000999Z"));
        assertEquals(Instant.EPOCH, j.getUpdatedAt());
    }
}
