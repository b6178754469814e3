package org.mtmanager.machine.deletion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names a {@link MachineDeletion} hook, on its DS component class: {@code @DeletionStep("access")}. It says two
 * things, so that they cannot disagree. To the framework, as a capability of the hook's bundle in its manifest
 * ({@value #NAMESPACE}, {@code name=access}): while that bundle is installed, in any state, no machine deletion
 * completes without this step ({@link DeletionSteps}). To the job engine, as the hook service's property {@value
 * #PROPERTY}: the step that this service is, once it is there.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@ComponentPropertyType
@Capability(namespace = DeletionStep.NAMESPACE)
public @interface DeletionStep {
    /** The capability a hook's bundle declares for each of its steps. */
    String NAMESPACE = "org.mtmanager.machine.deletion";
    /** The capability's attribute that holds the step's name. */
    String NAME_ATTRIBUTE = "name";
    /** The hook service's property that holds the step's name (DS derives it: PREFIX_ + "deletion.step"). */
    String PROPERTY = "org.mtmanager.machine.deletion.step";
    /** For DS: the service property is {@value #PROPERTY}. */
    String PREFIX_ = "org.mtmanager.machine.";

    /** The step's name, one word (access, did, plan-change). */
    @Attribute(NAME_ATTRIBUTE)
    String value();
}
