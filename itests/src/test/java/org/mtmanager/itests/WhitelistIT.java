package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The portal whitelist: with a non-empty list, requests from other addresses are refused with 403 before the
 * credentials are looked at, on REST and SOAP. Loopback gives two client addresses: 127.0.0.1 and 127.0.0.2.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WhitelistIT extends MtmTestSupport {

    @Test
    public void aWhitelistedAddressPassesAndAnotherIsRefusedBeforeTheCredentials() throws Exception {
        String pw = "Whitelist-pass-1";
        String user = unique("wl");
        long account = createAccountWithAdmin("reseller", unique("WhitelistedReseller"), user, pw);
        ok(admin().put(API + "/accounts/" + account + "/whitelist",
            List.of(Map.of("cidr", "127.0.0.1/32", "description", "office"))));

        Http listed = http(user, pw);
        Http other = http(user, pw).from("127.0.0.2");
        assertEquals(200, listed.get(API + "/accounts/" + account).status());

        Http.Response refused = other.get(API + "/accounts/" + account);
        assertEquals(refused.toString(), 403, refused.status());
        assertEquals("IP_NOT_ALLOWED", refused.json().get("error").asText());
        // A wrong password from the refused address gets the same 403: the password was never checked...
        Http.Response wrongPassword = other.as(user, "not-the-password").get(API + "/accounts/" + account);
        assertEquals(403, wrongPassword.status());
        // ...so it did not count toward the lockout either: five of them leave the user able to log in.
        for (int i = 0; i < 5; i++) {
            assertEquals(403, other.as(user, "not-the-password").get(API + "/users/me").status());
        }
        assertEquals(200, listed.get(API + "/users/me").status());

        // SOAP applies the same list.
        Soap.Reply soapRefused = new Soap(new Http(httpPort(), null, null, "127.0.0.2"), user, pw)
            .call("getAccount", "<v1:id>" + account + "</v1:id>");
        assertTrue(soapRefused.isFault());
        assertEquals("IP_NOT_ALLOWED", soapRefused.faultCode());
        assertFalse(soap(user, pw).call("getAccount", "<v1:id>" + account + "</v1:id>").isFault());

        // Refusals are audited.
        Http.Response audit = admin().get(API + "/audit?action=auth.ip-refused&actor=" + user);
        assertTrue(audit.toString(), ok(audit).get("total").asLong() >= 1);

        // Widening the list lets the other address in; emptying it opens the API to any address.
        ok(listed.post(API + "/accounts/" + account + "/whitelist", Map.of("cidr", "127.0.0.0/29")));
        assertEquals(200, other.get(API + "/accounts/" + account).status());
    }

    @Test
    public void aUserCannotLockItselfOutAndBadCidrsAreRefused() throws Exception {
        String pw = "Whitelist-pass-2";
        String user = unique("wl2");
        long account = createAccountWithAdmin("distributor", unique("Distributor"), user, pw);
        Http me = http(user, pw);
        Http.Response lockout = me.put(API + "/accounts/" + account + "/whitelist", List.of(Map.of("cidr", "192.0.2.0/24")));
        assertEquals(lockout.toString(), 422, lockout.status());
        assertEquals("RULE_VIOLATION", lockout.json().get("error").asText());
        Http.Response bad = me.post(API + "/accounts/" + account + "/whitelist", Map.of("cidr", "10.0.0.300/8"));
        assertEquals(400, bad.status());
        assertEquals("cidr", bad.json().get("field").asText());
        Http.Response badInList = me.put(API + "/accounts/" + account + "/whitelist",
            List.of(Map.of("cidr", "127.0.0.1"), Map.of("cidr", "2001:db8::/129")));
        assertEquals(400, badInList.status());
        assertEquals("entries[1].cidr", badInList.json().get("field").asText());
        assertEquals(0, ok(me.get(API + "/accounts/" + account + "/whitelist")).size());
        // IPv6 entries are kept in canonical form.
        ok(admin().post(API + "/accounts/" + account + "/whitelist", Map.of("cidr", "2001:DB8:0:0::1/32")));
        assertEquals("2001:db8::/32", ok(admin().get(API + "/accounts/" + account + "/whitelist")).get(0).get("cidr").asText());
        assertEquals("the list no longer holds 127.0.0.1", 403, me.get(API + "/users/me").status());
    }
}
