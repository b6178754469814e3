package org.mtmanager.rest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents a resource method for the generated OpenAPI document. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Doc {
    String value();

    /**
     * The type of the response body, or of each item when {@link #page()} or {@link #list()} is set: only for a
     * method that returns a {@code Response}; any other method is documented by its own return type.
     */
    Class<?> returns() default Void.class;

    boolean page() default false;

    boolean list() default false;

    /** The type of the request body, when the method reads one. */
    Class<?> body() default Void.class;

    /** Whether the body is a partial update: absent fields are kept, so none is required. */
    boolean partial() default false;

    /** The query parameters that the operation cannot do without (the others are optional). */
    String[] required() default {};

    /** The success status. */
    int status() default 200;
}
