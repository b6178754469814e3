package org.mtmanager.rest;

import java.util.List;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.mtmanager.api.access.AccessService;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.api.app.AppService;
import org.mtmanager.api.audit.AuditService;
import org.mtmanager.api.billing.BillingService;
import org.mtmanager.api.did.DidRouteService;
import org.mtmanager.api.host.HostService;
import org.mtmanager.api.job.JobService;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.api.machine.ReconciliationService;
import org.mtmanager.api.node.NodeService;
import org.mtmanager.api.plan.PlanService;
import org.mtmanager.api.setting.SettingService;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.api.user.RequestLimiter;
import org.mtmanager.api.user.SessionService;
import org.mtmanager.api.user.TokenService;
import org.mtmanager.api.user.TwoFactorService;
import org.mtmanager.api.user.UserService;
import org.mtmanager.rest.resource.AccountResource;
import org.mtmanager.rest.resource.AccessResource;
import org.mtmanager.rest.resource.AppResource;
import org.mtmanager.rest.resource.FirewallResource;
import org.mtmanager.rest.resource.HealthResource;
import org.mtmanager.rest.resource.HostResource;
import org.mtmanager.rest.resource.AuditResource;
import org.mtmanager.rest.resource.DidRouteResource;
import org.mtmanager.rest.resource.JobResource;
import org.mtmanager.rest.resource.MachineResource;
import org.mtmanager.rest.resource.NodeResource;
import org.mtmanager.rest.resource.NotFoundResource;
import org.mtmanager.rest.resource.OpenApiResource;
import org.mtmanager.rest.resource.PlanChangeResource;
import org.mtmanager.rest.resource.PlanResource;
import org.mtmanager.rest.resource.PriceListResource;
import org.mtmanager.rest.resource.ReconcileResource;
import org.mtmanager.rest.resource.ReportResource;
import org.mtmanager.rest.resource.SessionResource;
import org.mtmanager.rest.resource.SettingResource;
import org.mtmanager.rest.resource.StatementResource;
import org.mtmanager.rest.resource.UsageResource;
import org.mtmanager.rest.resource.UserResource;
import org.mtmanager.rest.support.AuthFilter;
import org.mtmanager.rest.support.ErrorMappers;
import org.mtmanager.rest.support.Json;
import org.mtmanager.rest.support.OpenApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Publishes the REST API on CXF for as long as the services it fronts are there: the server is created when
 * the component activates and destroyed when it deactivates.
 */
@Component(immediate = true, configurationPid = "org.mtmanager.rest")
@Designate(ocd = RestConfig.class)
public class RestServer {
    public static final String VERSION = "1.0.0";

    /** Resource classes, in the order of the OpenAPI document. */
    public static final List<Class<?>> RESOURCES = List.of(AccountResource.class, UserResource.class,
        PlanResource.class, SettingResource.class, AppResource.class, AuditResource.class, MachineResource.class,
        JobResource.class, PlanChangeResource.class, ReconcileResource.class, HostResource.class, NodeResource.class, AccessResource.class,
        FirewallResource.class, DidRouteResource.class, UsageResource.class, PriceListResource.class, StatementResource.class,
        ReportResource.class, SessionResource.class, HealthResource.class);

    private final Server server;
    private final Server notFound;

    @Activate
    public RestServer(RestConfig config, @Reference AuthService auth, @Reference AccountService accounts,
                      @Reference UserService users, @Reference TwoFactorService twoFactor,
                      @Reference TokenService tokens, @Reference SessionService sessions,
                      @Reference RequestLimiter limiter,
                      @Reference PlanService plans, @Reference SettingService settings,
                      @Reference AppService apps, @Reference AuditService audit, @Reference MachineService machines,
                      @Reference JobService jobs, @Reference ReconciliationService reconciler, @Reference HostService hosts,
                      @Reference NodeService nodes,
                      @Reference AccessService access, @Reference BillingService billing, @Reference DidRouteService dids,
                      @Reference DestinationRegistry transportReady) {
        Bus bus = BusFactory.getDefaultBus();
        // Otherwise CXF's own JSON provider, not Jackson, would write every response.
        bus.setProperty("skip.default.json.provider.registration", true);
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(config.address());
        factory.setServiceBeans(List.of(new AccountResource(accounts), new UserResource(users, twoFactor, tokens, sessions), new PlanResource(plans),
            new SettingResource(settings), new AppResource(apps), new AuditResource(audit),
            new MachineResource(machines, auth), new JobResource(jobs), new PlanChangeResource(machines),
            new ReconcileResource(reconciler), new HostResource(hosts), new NodeResource(nodes), new AccessResource(access),
            new FirewallResource(access), new DidRouteResource(dids), new UsageResource(billing),
            new PriceListResource(billing), new StatementResource(billing), new ReportResource(billing), new SessionResource(sessions), new HealthResource(),
            new OpenApiResource(OpenApi.document("MT Manager API", VERSION, "/mtm" + config.address(), RESOURCES))));
        factory.setProviders(List.of(new JacksonJsonProvider(Json.mapper()), new AuthFilter(auth, sessions, limiter), new ErrorMappers()));
        // The longest address wins in CXF, so this one only answers what no endpoint of the context serves.
        JAXRSServerFactoryBean fallback = new JAXRSServerFactoryBean();
        fallback.setBus(bus);
        fallback.setAddress("/");
        fallback.setServiceBeans(List.of(new NotFoundResource()));
        fallback.setProviders(List.of(new JacksonJsonProvider(Json.mapper()), new ErrorMappers()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
        try {
            server = factory.create();
            notFound = fallback.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    void stop() {
        notFound.destroy();
        server.destroy();
    }
}
