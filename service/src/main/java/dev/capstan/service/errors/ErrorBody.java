package dev.capstan.service.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jersey.errors.ErrorMessage;
import org.eclipse.jetty.http.HttpStatus;

/** The JSON body of errors produced by Jetty itself, in the same shape Jersey's errors have. */
final class ErrorBody {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorBody() {
    }

    /**
     * @param message Jetty's message, shown only when no exception caused the error: an exception's text could
     *                carry internal details
     */
    static String json(int code, String message, Throwable cause) {
        final String reason = HttpStatus.getMessage(code);
        final String shown = cause != null || message == null || message.isBlank() ? reason : message;
        try {
            return MAPPER.writeValueAsString(new ErrorMessage(code, shown));
        } catch (JsonProcessingException e) {
            return "{\"code\":" + code + "}";
        }
    }
}
