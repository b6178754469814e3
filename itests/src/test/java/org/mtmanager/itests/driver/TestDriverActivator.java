package org.mtmanager.itests.driver;

import java.util.Hashtable;

import org.mtmanager.spi.hypervisor.HypervisorDriver;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** Registers the test driver as driver types {@code faulty} and {@code paced}, both over the container driver. */
public final class TestDriverActivator implements BundleActivator {
    private ServiceTracker<HypervisorDriver, HypervisorDriver> containers;

    @Override
    public void start(BundleContext context) throws InvalidSyntaxException {
        containers = new ServiceTracker<>(context, FrameworkUtil.createFilter("(&(objectClass=" + HypervisorDriver.class.getName()
            + ")(" + HypervisorDriver.TYPE_PROPERTY + "=container))"), null);
        containers.open();
        for (String type : new String[] {"faulty", "paced"}) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(HypervisorDriver.TYPE_PROPERTY, type);
            context.registerService(HypervisorDriver.class, new TestDriver(type, containers::getService), props);
        }
    }

    @Override
    public void stop(BundleContext context) {
        containers.close(); // the framework unregisters the drivers
    }
}
