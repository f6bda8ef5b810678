package dev.capstan.service.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The admin port's {@code GET /prometheus}: the service's Prometheus registry in the text exposition format. */
public class PrometheusServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient PrometheusRegistry registry;
    private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public PrometheusServlet(PrometheusRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(writer.getContentType());
        response.setHeader("Cache-Control", "no-store");
        writer.write(response.getOutputStream(), registry.scrape());
    }
}
