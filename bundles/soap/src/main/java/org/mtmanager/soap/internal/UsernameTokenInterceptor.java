package org.mtmanager.soap.internal;

import java.util.Collections;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.mtmanager.api.Caller;
import org.mtmanager.api.Channel;
import org.mtmanager.api.ErrorCode;
import org.mtmanager.api.MtmException;
import org.mtmanager.api.RateLimitedException;
import org.mtmanager.api.user.AuthService;
import org.mtmanager.api.user.RequestLimiter;
import org.mtmanager.soap.support.SoapCaller;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Authenticates every SOAP call by its WS-Security UsernameToken (OASIS UsernameToken Profile 1.0, PasswordText)
 * against the platform's users, through the same {@link AuthService} as REST, so the portal whitelist is
 * checked before the password here too. Machine clients send an API token as the Password, with the token's user
 * as the Username. Only the token is read: the message is not signed or encrypted, so
 * the service belongs behind TLS. A dangerous action on a call that authenticated with a token needs the password
 * again, in the {@value #PASSWORD_HEADER} HTTP header (and the code in {@value #OTP_HEADER}).
 */
public final class UsernameTokenInterceptor extends AbstractSoapInterceptor {
    public static final String CALLER = SoapCaller.EXCHANGE_KEY;
    /** The password again (HTTP header), which dangerous actions need when the call authenticated with a token. */
    public static final String PASSWORD_HEADER = "X-MTM-Password";
    /** The TOTP code that goes with {@link #PASSWORD_HEADER} where two-factor authentication is on. */
    public static final String OTP_HEADER = SoapCaller.OTP_HEADER;
    /** Exchange key: seconds to wait, for a call refused by a rate limit (answered 429 with Retry-After). */
    static final String RETRY_AFTER = "mtm.retryAfter";
    /** A Password starting with this is an API token ({@code mtm_<id>_<secret>}) of the user named in Username. */
    public static final String API_TOKEN_PREFIX = "mtm_";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final QName SECURITY = new QName(WSSE, "Security");
    static final String PASSWORD_TEXT =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    private final AuthService auth;
    private final RequestLimiter limiter;
    private final String faultNs;
    private final String faultName;

    /** The port's fault element (namespace and name) carries the refusal, with the same code, message and field. */
    public UsernameTokenInterceptor(AuthService auth, RequestLimiter limiter, String faultNs, String faultName) {
        super(Phase.PRE_PROTOCOL);
        this.auth = auth;
        this.limiter = limiter;
        this.faultNs = faultNs;
        this.faultName = faultName;
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Collections.singleton(SECURITY);
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        Header header = message.getHeader(SECURITY);
        if (header == null || !(header.getObject() instanceof Element security)) {
            throw fault(message, faultNs, faultName, new MtmException(ErrorCode.UNAUTHENTICATED,
                "a WS-Security header with a UsernameToken is required"));
        }
        Element token = first(security, "UsernameToken");
        Element user = token == null ? null : first(token, "Username");
        Element password = token == null ? null : first(token, "Password");
        if (user == null || password == null) {
            throw fault(message, faultNs, faultName, new MtmException(ErrorCode.UNAUTHENTICATED,
                "the UsernameToken needs a Username and a Password"));
        }
        String type = password.getAttribute("Type");
        if (!type.isEmpty() && !PASSWORD_TEXT.equals(type)) {
            throw fault(message, faultNs, faultName, new MtmException(ErrorCode.UNAUTHENTICATED,
                "only PasswordText UsernameTokens are accepted"));
        }
        HttpServletRequest http = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        try {
            String name = user.getTextContent().strip();
            String secret = password.getTextContent();
            String ip = http == null ? null : http.getRemoteAddr();
            limiter.checkAddress(ip);
            Caller caller;
            if (secret.startsWith(API_TOKEN_PREFIX)) {
                // an API token as the password, with its user's name as the Username
                caller = auth.authenticateToken(secret.strip(), ip, Channel.SOAP);
                if (!caller.username().equalsIgnoreCase(name)) {
                    throw new MtmException(ErrorCode.UNAUTHENTICATED, "the token does not belong to user " + name);
                }
            } else {
                caller = auth.authenticate(name, secret, ip, Channel.SOAP);
            }
            limiter.checkCaller(caller);
            String again = http == null ? null : http.getHeader(PASSWORD_HEADER);
            if (again != null) {
                caller = auth.reauthenticate(caller, again, http.getHeader(OTP_HEADER));
            }
            if (caller.credential().enrolmentOnly()) {
                throw new MtmException(ErrorCode.TWO_FACTOR_REQUIRED, "otp", "your account requires two-factor "
                    + "authentication: enrol first, on the portal, REST or the console");
            }
            message.getExchange().put(CALLER, caller);
        } catch (MtmException e) {
            if (e instanceof RateLimitedException r) {
                message.getExchange().put(RETRY_AFTER, r.retryAfterSeconds());
            }
            throw fault(message, faultNs, faultName, e);
        }
    }

    private static Element first(Element parent, String local) {
        NodeList nl = parent.getElementsByTagNameNS(WSSE, local);
        return nl.getLength() == 0 ? null : (Element) nl.item(0);
    }

    /** The same detail as {@code MtmFault}, so clients read one fault shape whatever failed. */
    static SoapFault fault(SoapMessage message, String ns, String name, MtmException e) {
        SoapFault f = new SoapFault(e.getMessage(), message.getVersion().getSender());
        Document d = DOMUtils.createDocument();
        Element detail = d.createElement("detail");
        Element info = d.createElementNS(ns, "m:" + name);
        for (String[] kv : new String[][] {{"code", e.code().name()}, {"message", e.getMessage()}, {"field", e.field()}}) {
            if (kv[1] != null) {
                Element el = d.createElementNS(ns, "m:" + kv[0]);
                el.setTextContent(kv[1]);
                info.appendChild(el);
            }
        }
        detail.appendChild(info);
        f.setDetail(detail);
        return f;
    }
}
