package com.trackgeek.api.problem;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes {@link ProblemErrorReportValve} the host's only error report valve. Done when the host starts, after
 * every customizer ran: Spring Boot adds a plain {@link ErrorReportValve} of its own to the host, and two of
 * them would leave the first one to answer, in HTML.
 */
@Component
final class TomcatProblemPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standardHost) {
                // Also what the host would add itself if it found no valve of this class.
                standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    replaceErrorReportValves(host);
                }
            });
        });
    }

    private static void replaceErrorReportValves(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        boolean installed = false;
        for (Valve valve : host.getPipeline().getValves()) {
            installed |= valve instanceof ProblemErrorReportValve;
        }
        if (!installed) {
            host.getPipeline().addValve(new ProblemErrorReportValve());
        }
    }
}
