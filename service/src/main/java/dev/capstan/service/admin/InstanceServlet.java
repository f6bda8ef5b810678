package dev.capstan.service.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.service.api.InstanceInfo;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The admin port's {@code GET /instance}: which build and image this copy runs, and where. */
public class InstanceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ObjectMapper mapper;
    private final transient InstanceInfo instance;

    public InstanceServlet(ObjectMapper mapper, InstanceInfo instance) {
        this.mapper = mapper;
        this.instance = instance;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        mapper.writeValue(response.getOutputStream(), instance);
    }
}
