package dev.capstan.service.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * A request body that passes one of the JSON parser's bounds is too large, not malformed: 413, with Jackson's account
 * of which bound and by how much, less its pointer into Jackson's configuration.
 *
 * <p>Jackson throws the bound's exception either as it is or wrapped in a mapping exception (when it happens while
 * reading a property), so this mapper takes the same type as Dropwizard's mapper for JSON errors, with a higher
 * priority, and claims only the exceptions caused by a bound; Dropwizard's answers every other one as before.
 */
@Priority(Priorities.USER - 1)
public class JsonLimitExceptionMapper implements ExtendedExceptionMapper<JsonProcessingException> {
    @Override
    public boolean isMappable(JsonProcessingException exception) {
        return boundExceeded(exception).isPresent();
    }

    @Override
    public Response toResponse(JsonProcessingException exception) {
        final int status = Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode();
        final String message = boundExceeded(exception)
                .map(bound -> String.valueOf(bound.getOriginalMessage()).replaceAll(", from `[^`]*`", ""))
                .orElse(Response.Status.REQUEST_ENTITY_TOO_LARGE.getReasonPhrase());
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status, message))
                .build();
    }

    private static Optional<StreamConstraintsException> boundExceeded(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException bound) {
                return Optional.of(bound);
            }
        }
        return Optional.empty();
    }
}
