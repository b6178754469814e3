package org.mtmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** Console logins go through the platform's users, and each command acts with the user's scope and role. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleIT extends MtmTestSupport {

    @Test
    public void consoleLoginUsesThePlatformUsers() throws Exception {
        String pw = "Console-pass-1";
        String user = unique("console");
        createAccountWithAdmin("reseller", unique("ConsoleReseller"), user, pw);
        var subject = login(user, pw);
        assertTrue(subject.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> r.getName().equals("ssh")));
        assertFalse("a reseller is no Karaf administrator",
            subject.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> r.getName().equals("admin")));
        try {
            login(user, "wrong-password-z");
            fail("a wrong password must not log in");
        } catch (LoginException expected) {
            // refused by the platform's realm
        }
        try {
            login("karaf", "karaf");
            fail("Karaf's default user must not exist");
        } catch (LoginException expected) {
            // the platform's realm replaced the properties realm
        }
        assertTrue(login("admin", adminPassword()).getPrincipals(RolePrincipal.class).stream()
            .anyMatch(r -> r.getName().equals("admin")));
    }

    @Test
    public void commandsActAsTheLoggedInUserWithTablesAndJson() throws Exception {
        String pw = "Console-pass-2";
        String user = unique("viewer");
        String resellerAdmin = unique("radmin");
        long account = createAccountWithAdmin("reseller", unique("ViewerReseller"), resellerAdmin, pw);
        ShellResult add = shellAs(resellerAdmin, pw, "mtm:user-add --role viewer --password " + pw + " " + user);
        assertFalse(add.errorMessage(), add.failed());

        ShellResult table = shellAs(user, pw, "mtm:user-list");
        assertFalse(table.errorMessage(), table.failed());
        assertTrue(table.output(), table.output().contains(user) && table.output().contains(resellerAdmin));
        assertFalse("the platform's admin is outside a reseller's subtree",
            table.output().lines().anyMatch(l -> l.matches(".*\\|\\s*admin\\s*\\|.*")));

        ShellResult json = shellAs(user, pw, "mtm:plan-list --json");
        JsonNode plans = Http.JSON.readTree(json.output());
        assertTrue(plans.isArray());
        assertEquals("SS", plans.get(0).get("name").asText());

        ShellResult denied = shellAs(user, pw, "mtm:account-create --type customer Nope");
        assertTrue(denied.failed());
        assertTrue(denied.errorMessage(), denied.errorMessage().startsWith("FORBIDDEN"));

        ShellResult pwChange = shellAs(user, pw, "mtm:user-password --current " + pw + " " + user + " Brand-new-pass-9");
        assertFalse(pwChange.errorMessage(), pwChange.failed());
        assertEquals(200, http(user, "Brand-new-pass-9").get(API + "/users/me").status());
        assertEquals(401, http(user, pw).get(API + "/users/me").status());

        ShellResult audit = shellAs("admin", adminPassword(), "mtm:audit --actor " + resellerAdmin + " --json");
        JsonNode entries = Http.JSON.readTree(audit.output()).get("items");
        assertTrue(entries.toString(), entries.size() >= 1);
        assertEquals(account, entries.get(0).get("accountId").asLong());

        // Deleting a user is dangerous: the password again, checked, before anything is deleted.
        ShellResult wrong = shellAs(resellerAdmin, pw, "mtm:user-delete --password Not-my-pass-1 " + user);
        assertTrue(wrong.failed());
        assertTrue(wrong.errorMessage(), wrong.errorMessage().startsWith("UNAUTHENTICATED"));
        assertEquals(200, http(user, "Brand-new-pass-9").get(API + "/users/me").status());
        ShellResult deleted = shellAs(resellerAdmin, pw, "mtm:user-delete --password " + pw + " " + user);
        assertFalse(deleted.errorMessage(), deleted.failed());
        assertEquals(401, http(user, "Brand-new-pass-9").get(API + "/users/me").status());
    }
}
