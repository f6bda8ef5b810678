package dev.capstan.service.metrics;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Prometheus text exposition of the application's own Dropwizard metric registry (one registry, two formats).
 * Left out: the {@code .total} timers Jersey adds beside each {@code @Timed} resource method. Prometheus names drop a
 * {@code _total} suffix, so they would collide with the method's own timer and fail the whole scrape.
 */
public class PrometheusServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient PrometheusRegistry registry = new PrometheusRegistry();
    private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public PrometheusServlet(MetricRegistry metrics) {
        DropwizardExports.builder()
                .dropwizardRegistry(metrics)
                .metricFilter(PrometheusServlet::exportable)
                .register(registry);
    }

    static boolean exportable(String name, Metric metric) {
        return !(metric instanceof Timer && name.endsWith(".total"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(writer.getContentType());
        response.setHeader("Cache-Control", "no-store");
        writer.write(response.getOutputStream(), registry.scrape());
    }
}
