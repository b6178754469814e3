package org.mtmanager.soap.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.mtmanager.api.account.AccountService;
import org.mtmanager.api.app.AppService;
import org.mtmanager.api.billing.BillingService;
import org.mtmanager.api.job.JobService;
import org.mtmanager.api.machine.MachineService;
import org.mtmanager.api.plan.PlanService;
import org.mtmanager.api.setting.SettingService;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.api.user.RequestLimiter;
import org.mtmanager.api.user.UserService;
import org.mtmanager.soap.billing.v1.BillingNames;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes the SOAP services under {@code /mtm/soap/} for as long as the services they front are there. */
@Component(immediate = true)
public class SoapServer {
    public static final String ACCOUNT_ADDRESS = "/soap/AccountService";
    public static final String PROVISIONING_ADDRESS = "/soap/ProvisioningService";
    public static final String BILLING_ADDRESS = "/soap/BillingService";

    /**
     * What one SOAP request may hold. The largest real request (a whitelist or a machine with its customer data)
     * is a few kilobytes; without limits a client could send megabytes of comment or whitespace, or one value of
     * millions of characters that every error message would then repeat.
     */
    static final Map<String, Object> LIMITS = Map.of(
        StaxUtils.MAX_XML_CHARACTERS, 1_000_000L,
        StaxUtils.MAX_TEXT_LENGTH, 64 * 1024,
        StaxUtils.MAX_ELEMENT_COUNT, 20_000L,
        StaxUtils.MAX_ELEMENT_DEPTH, 32,
        StaxUtils.MAX_CHILD_ELEMENTS, 5_000,
        StaxUtils.MAX_ATTRIBUTE_COUNT, 32,
        StaxUtils.MAX_ATTRIBUTE_SIZE, 4 * 1024);

    private final Server accountServer;
    private final Server provisioningServer;
    private final Server billingServer;

    @Activate
    public SoapServer(@Reference AuthService auth, @Reference RequestLimiter limiter, @Reference AccountService accounts, @Reference UserService users,
                      @Reference PlanService plans, @Reference SettingService settings, @Reference AppService apps,
                      @Reference MachineService machines, @Reference JobService jobs,
                      @Reference org.mtmanager.api.access.AccessService access,
                      @Reference BillingService billing, @Reference DestinationRegistry transportReady) {
        accountServer = publish(ACCOUNT_ADDRESS, AccountPortImpl.class,
            new AccountPortImpl(accounts, users, plans, settings, apps), new UsernameTokenInterceptor(auth, limiter));
        provisioningServer = publish(PROVISIONING_ADDRESS, ProvisioningPortImpl.class,
            new ProvisioningPortImpl(machines, jobs, access, auth), new UsernameTokenInterceptor(auth, limiter));
        billingServer = publish(BILLING_ADDRESS, BillingPortImpl.class, new BillingPortImpl(billing),
            new UsernameTokenInterceptor(auth, limiter, BillingNames.NS, BillingNames.FAULT));
    }

    /** One endpoint, with the UsernameToken check in front and client faults marked as such. */
    private static Server publish(String address, Class<?> type, Object bean, UsernameTokenInterceptor tokens) {
        Bus bus = BusFactory.getDefaultBus();
        JaxWsServerFactoryBean f = new JaxWsServerFactoryBean();
        f.setBus(bus);
        f.setAddress(address);
        f.setServiceClass(type);
        f.setServiceBean(bean);
        f.getInInterceptors().add(new SoapMediaTypeInterceptor());
        f.getInInterceptors().add(tokens);
        f.getOutFaultInterceptors().add(new ClientFaultInterceptor());
        Map<String, Object> properties = new HashMap<>(LIMITS);
        properties.put(FaultLog.PROPERTY, new FaultLog());
        f.setProperties(properties);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SoapServer.class.getClassLoader());
        try {
            return f.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    void stop() {
        accountServer.destroy();
        provisioningServer.destroy();
        billingServer.destroy();
    }
}
