package org.mtmanager.tenant.security;

import static org.junit.Assert.assertEquals;
import static org.mtmanager.tenant.TenantFixture.expect;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;

import org.junit.Test;
import org.mtmanager.api.ErrorCode;

/** A changed etc/org.mtmanager.security.cfg applies at once, through @Modified, to the policy and the rate limits. */
public class SecurityPolicyModifiedTest {

    private static SecurityConfig config(Map<String, Object> values) {
        return (SecurityConfig) Proxy.newProxyInstance(SecurityConfig.class.getClassLoader(),
            new Class<?>[] {SecurityConfig.class}, (proxy, m, args) -> values.containsKey(m.getName())
                ? values.get(m.getName()) : m.getDefaultValue());
    }

    @Test
    public void everyKeyTakesEffectWithoutARestart() {
        SecurityPolicy p = new SecurityPolicy(config(Map.of()));
        assertEquals(5, p.maxFailures());
        p.checkAddress("203.0.113.1");
        p.modified(config(Map.of("lockout_maxFailures", 3, "lockout_minutes", 2, "rate_requestsPerSecond", 0.5,
            "rate_requestBurst", 1)));
        assertEquals(3, p.maxFailures());
        assertEquals(Duration.ofMinutes(2), p.lockout());
        p.checkAddress("203.0.113.1");
        expect(ErrorCode.TOO_MANY_REQUESTS, null, () -> p.checkAddress("203.0.113.1"));
    }
}
