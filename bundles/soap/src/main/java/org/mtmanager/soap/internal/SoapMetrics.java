package org.mtmanager.soap.internal;

import javax.xml.namespace.QName;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.mtmanager.platform.metrics.Meters;
import org.osgi.service.component.annotations.Component;

/**
 * The SOAP API's requests, counted by port, operation and outcome ({@code ok}, {@code client_fault} for what the
 * request caused, {@code server_fault} for the platform's own), and timed from their arrival until the answer is
 * ready to be written. A request refused before its operation is known (its credentials, say) has the operation
 * {@value #UNKNOWN}.
 */
@Component(service = {SoapMetrics.class, MultiCollector.class})
public class SoapMetrics implements MultiCollector {
    static final String UNKNOWN = "unknown";
    private static final String STARTED = "mtm.metrics.started";

    private final Counter requests = Meters.counter("mtm_soap_requests",
        "SOAP requests answered, by port, operation and outcome", "port", "operation", "outcome");
    private final Histogram latency = Meters.seconds("mtm_soap_request_duration_seconds",
        "How long the SOAP API took to answer, by port and operation", Meters.REQUEST_SECONDS, "port", "operation");

    /** The first interceptor in: the clock starts. */
    AbstractPhaseInterceptor<Message> arrived() {
        return new AbstractPhaseInterceptor<>(Phase.RECEIVE) {
            @Override
            public void handleMessage(Message message) {
                message.getExchange().put(STARTED, System.nanoTime());
            }
        };
    }

    /** An interceptor of the answer (or of the fault) of {@code port}: the request is counted. */
    AbstractPhaseInterceptor<Message> answered(String port) {
        return new AbstractPhaseInterceptor<>(Phase.POST_LOGICAL) {
            @Override
            public void handleMessage(Message message) {
                Exchange exchange = message.getExchange();
                BindingOperationInfo op = exchange.getBindingOperationInfo();
                String operation = op == null ? UNKNOWN : op.getName().getLocalPart();
                requests.labelValues(port, operation, outcome(message.getContent(Exception.class))).inc();
                if (exchange.get(STARTED) instanceof Long started) {
                    latency.labelValues(port, operation).observe(Meters.secondsSince(started));
                }
            }
        };
    }

    static String outcome(Exception e) {
        if (e == null) {
            return "ok";
        }
        // Only the platform's own faults are soap:Server (soap:Receiver in 1.2): ClientFaultInterceptor marks the
        // request's as soap:Client, and a protocol check keeps its own code (wsse:FailedAuthentication).
        QName code = e instanceof Fault f ? f.getFaultCode() : null;
        return code == null || code.getLocalPart().endsWith("Server") || code.getLocalPart().endsWith("Receiver")
            ? "server_fault" : "client_fault";
    }

    @Override
    public MetricSnapshots collect() {
        return new MetricSnapshots(requests.collect(), latency.collect());
    }
}
