package dev.capstan.service.errors;

import dev.capstan.service.core.InvalidNameException;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** 400 in Dropwizard's usual error shape, with the failed rule's id in {@code details}. */
public class InvalidNameExceptionMapper implements ExceptionMapper<InvalidNameException> {
    @Override
    public Response toResponse(InvalidNameException exception) {
        final int status = Response.Status.BAD_REQUEST.getStatusCode();
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status, exception.getMessage(), exception.rule().id()))
                .build();
    }
}
