package cn.ruralwatch.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the REST layer of every service the strict reader of {@link RequestJson} for request bodies (and the same
 * mapper, unchanged in how it writes, for responses). Server side only: REST clients read other services' answers
 * with the tolerant application mapper.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class RequestJsonResolver implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    @Inject
    public RequestJsonResolver(ObjectMapper application) {
        this.strict = RequestJson.strict(application);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
