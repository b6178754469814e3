package org.mtmanager.tls;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.mtmanager.tls.cfg}: HTTPS by default, and where plain HTTP is still answered. */
@ObjectClassDefinition(name = "MT Manager TLS", description = "HTTPS with a generated or installed certificate")
public @interface TlsConfig {
    @AttributeDefinition(description = "Serve HTTPS: with the certificate configured in org.ops4j.pax.web, or else one "
        + "generated on first start. Off only for tests and for a server behind a TLS proxy on the same host")
    boolean enabled() default true;

    @AttributeDefinition(description = "The HTTPS port")
    int httpsPort() default 8443;

    @AttributeDefinition(description = "The address HTTPS listens on (0.0.0.0: every address)")
    String listenAddress() default "0.0.0.0";

    @AttributeDefinition(description = "Plain HTTP: 'loopback' answers only local clients, 'off' answers nobody, "
        + "'on' answers everybody (not recommended); others are sent to HTTPS")
    String plainHttp() default "loopback";

    @AttributeDefinition(description = "The generated keystore (PKCS12); empty for etc/keystores/mtm-https.p12")
    String keystore() default "";

    @AttributeDefinition(description = "Extra host names and addresses for the generated certificate, comma-separated")
    String hostnames() default "";
}
