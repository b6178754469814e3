package org.mtmanager.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.lang.reflect.Proxy;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.junit.Test;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.Role;
import org.mtmanager.rest.support.AuthFilter;

/** Who reads the metrics: a platform administrator, or a scraper on the server's own host without credentials. */
public class MetricsResourceTest {
    private final MetricsResource resource = new MetricsResource(new Metrics());

    private static HttpServletRequest request(String remoteAddr, Caller caller) {
        return (HttpServletRequest) Proxy.newProxyInstance(MetricsResourceTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getRemoteAddr" -> remoteAddr;
                case "getAttribute" -> AuthFilter.CALLER.equals(args[0]) ? caller : null;
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    private static Caller caller(Role role) {
        return new Caller(7, "someone", 3, "/1/3/", role, "10.1.2.3", Channel.REST);
    }

    @Test
    public void withoutCredentialsOnlyTheServersOwnHostReadsThem() {
        assertEquals(200, resource.scrape(request("127.0.0.1", null)).getStatus());
        assertEquals(200, resource.scrape(request("::1", null)).getStatus());
        MtmException e = assertThrows(MtmException.class, () -> resource.scrape(request("10.1.2.3", null)));
        assertEquals(ErrorCode.UNAUTHENTICATED, e.code());
    }

    @Test
    public void withCredentialsOnlyAPlatformAdministratorReadsThem() {
        Response r = resource.scrape(request("10.1.2.3", caller(Role.PLATFORM_ADMIN)));
        assertEquals(200, r.getStatus());
        assertEquals(MediaType.valueOf(Metrics.CONTENT_TYPE), r.getMediaType());
        MtmException e = assertThrows(MtmException.class, () -> resource.scrape(request("127.0.0.1", caller(Role.OPERATOR_ADMIN))));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        assertEquals("only a platform administrator may read the metrics", e.getMessage());
    }
}
