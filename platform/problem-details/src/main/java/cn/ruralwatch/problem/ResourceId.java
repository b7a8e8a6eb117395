package cn.ruralwatch.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A path parameter that is a resource's id ({@code UUID}): a value that is not an id names no resource and is answered
 * as that resource's 404, with the detail {@link #value()} (its argument: the value as given), exactly as an id that
 * exists nowhere.
 *
 * <pre>{@code public Response get(@PathParam("id") @ResourceId("project.not-found") UUID id)}</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ResourceId {

    /** The message key of the resource's "not found" detail. */
    String value();
}
