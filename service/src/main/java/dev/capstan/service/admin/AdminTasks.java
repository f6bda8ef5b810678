package dev.capstan.service.admin;

import java.util.Arrays;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes Dropwizard's tasks off the admin port: {@code gc} and {@code log-level}, the two it registers itself, with the
 * servlet that runs them (docs/operations.md says why none stays). Dropwizard has no setting for this, so the servlet
 * is removed from the admin context through Jetty's servlet handler before the server starts; {@code /tasks/...}
 * then falls to the admin servlet, which answers 404 or 405 in JSON like any unknown admin path.
 */
public final class AdminTasks {
    static final String SERVLET = "tasks";
    private static final Logger LOGGER = LoggerFactory.getLogger(AdminTasks.class);

    private AdminTasks() {
    }

    public static void removeAll(ServletContextHandler admin) {
        final ServletHandler servlets = admin.getServletHandler();
        final ServletHolder tasks = servlets.getServlet(SERVLET);
        if (tasks == null) {
            return;
        }
        servlets.setServletMappings(Arrays.stream(servlets.getServletMappings())
                .filter(mapping -> !SERVLET.equals(mapping.getServletName()))
                .toArray(ServletMapping[]::new));
        servlets.setServlets(Arrays.stream(servlets.getServlets())
                .filter(holder -> holder != tasks)
                .toArray(ServletHolder[]::new));
        // Dropwizard still logs the tasks it registered when the admin context starts; this line follows it.
        admin.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                LOGGER.info("tasks: none is served; /tasks/* answers 404 or 405");
            }
        });
    }
}
