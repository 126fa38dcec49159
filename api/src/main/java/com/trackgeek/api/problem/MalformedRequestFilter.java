package com.trackgeek.api.problem;

import com.trackgeek.contracts.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Answers 400 for a request whose query string (or a path parameter, {@code ;x=...}, which Tomcat leaves
 * undecoded) is not valid percent-encoded UTF-8, before anything reads a parameter: Tomcat would only fail
 * later, inside whatever asked for one first, as an exception that says nothing to the caller. Tomcat checks
 * the rest of the path itself, answered by {@link ProblemErrorReportValve}.
 *
 * <p>Likewise the headers Spring would fail on later without a word to the caller: an {@code Accept} header that is
 * not a list of media types ({@code foo}, {@code *}{@code /*;q=abc}) or lists more than Spring sorts (50), refused
 * with a 406 that has no body at all, since Spring cannot tell what the caller accepts, the problem detail
 * included; and a {@code Content-Type} with a wildcard ({@code application/*}), a 500 wherever a body is read. A
 * blank {@code Accept} is taken as none (any type), as Spring MVC takes it, so that the actuator's Prometheus
 * endpoint, which finds no format for it, does not fail.
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
                .or(() -> problemIn("path", request.getRequestURI()))
                .or(() -> acceptProblem(request))
                .or(() -> contentTypeProblem(request));
        if (problem.isPresent()) {
            ProblemWriter.write(response, HttpStatus.BAD_REQUEST, ErrorCode.INVALID_REQUEST, problem.get(),
                    request.getRequestURI());
            return;
        }
        chain.doFilter(BlankAcceptIgnored.isBlank(request) ? new BlankAcceptIgnored(request) : request, response);
    }

    private static Optional<String> acceptProblem(HttpServletRequest request) {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isEmpty()) {
            return Optional.empty();
        }
        try {
            MimeTypeUtils.sortBySpecificity(new ArrayList<>(MediaType.parseMediaTypes(accept)));
            return Optional.empty();
        } catch (IllegalArgumentException unparsable) {
            return Optional.of("The Accept header is not a list of at most 50 media types (such as application/json"
                    + " or application/json, application/problem+json;q=0.5).");
        }
    }

    private static Optional<String> contentTypeProblem(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return Optional.empty();
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (!type.isConcrete()) {
                return Optional.of("The Content-Type header names a range of media types, not the body's own type"
                        + " (application/json).");
            }
        } catch (IllegalArgumentException unparsable) {
            // Refused as 415 by whatever reads the body; ignored by everything else.
        }
        return Optional.empty();
    }

    private static Optional<String> problemIn(String part, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return PercentEncoding.problemIn(raw).map(problem -> "The request's " + part + " is not valid percent-encoded"
                + " UTF-8: " + problem + ".");
    }
}
