package org.mtmanager.tenant.deletion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names an {@link AccountDeletion} step, on its DS component class: {@code @AccountDeletionStep("machine")}. It says
 * two things, so that they cannot disagree. To the framework, as a capability of the step's bundle in its manifest
 * ({@value #NAMESPACE}, {@code name=machine}): while that bundle is installed, in any state, no account is deleted
 * without this step. To the account service, as the step service's property {@value #PROPERTY}: the step that this
 * service is, once it is there.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@ComponentPropertyType
@Capability(namespace = AccountDeletionStep.NAMESPACE)
public @interface AccountDeletionStep {
    /** The capability a step's bundle declares for each of its steps. */
    String NAMESPACE = "org.mtmanager.tenant.deletion";
    /** The capability's attribute that holds the step's name. */
    String NAME_ATTRIBUTE = "name";
    /** The step service's property that holds the step's name (DS derives it: PREFIX_ + "account.deletion.step"). */
    String PROPERTY = "org.mtmanager.tenant.account.deletion.step";
    /** For DS: the service property is {@value #PROPERTY}. */
    String PREFIX_ = "org.mtmanager.tenant.";

    /** The step's name, one word (machine, access, billing). */
    @Attribute(NAME_ATTRIBUTE)
    String value();
}
