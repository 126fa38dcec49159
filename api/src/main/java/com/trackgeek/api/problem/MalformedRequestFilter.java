package com.trackgeek.api.problem;

import com.trackgeek.contracts.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Optional;

/**
 * Answers 400 for a request whose query string (or a path parameter, {@code ;x=...}, which Tomcat leaves
 * undecoded) is not valid percent-encoded UTF-8, before anything reads a parameter: Tomcat would only fail
 * later, inside whatever asked for one first, as an exception that says nothing to the caller. Tomcat checks
 * the rest of the path itself, answered by {@link ProblemErrorReportValve}.
 */
@Component
final class MalformedRequestFilter extends HttpFilter implements Ordered {

    /**
     * Right after Spring Boot's HTTP observation filter ({@code HIGHEST_PRECEDENCE + 1}), so that these 400s
     * are counted in {@code http.server.requests} too, and before anything that might read a parameter.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> problem = problemIn("query string", request.getQueryString())
                .or(() -> problemIn("path", request.getRequestURI()));
        if (problem.isPresent()) {
            ProblemWriter.write(response, HttpStatus.BAD_REQUEST, ErrorCode.INVALID_REQUEST, problem.get(),
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> problemIn(String part, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return PercentEncoding.problemIn(raw).map(problem -> "The request's " + part + " is not valid percent-encoded"
                + " UTF-8: " + problem + ".");
    }
}
