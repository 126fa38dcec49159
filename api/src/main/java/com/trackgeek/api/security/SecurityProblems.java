package com.trackgeek.api.security;

import com.trackgeek.api.problem.ProblemWriter;
import com.trackgeek.contracts.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The security filter chain's refusals as the problem details every other error is: 401 with a
 * {@code WWW-Authenticate} challenge for the API key scheme when the key is missing or unknown, 403 naming the
 * scope when the key lacks it. Nothing of the key sent is repeated.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** The request attribute {@link ApiKeyFilter} marks a request with when its key matched none. */
    static final String UNKNOWN_KEY = SecurityProblems.class.getName() + ".UNKNOWN_KEY";

    private final String header;

    SecurityProblems(String header) {
        this.header = header;
    }

    /** No known key, and the request needs one. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey realm=\"trackgeek\", header=\"" + header + "\"");
        if (request.getAttribute(UNKNOWN_KEY) != null) {
            ProblemWriter.write(response, ErrorCode.API_KEY_INVALID, "The API key in " + header + " is not a key this"
                    + " service knows: send an API key in " + header + ".", request.getRequestURI());
        } else {
            ProblemWriter.write(response, ErrorCode.API_KEY_MISSING, "This request needs an API key: send an API key"
                    + " in " + header + ".", request.getRequestURI());
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        String scope = exception instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof AuthorityAuthorizationDecision decision
                ? decision.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.joining(", "))
                : "";
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String holder = authentication == null ? "The API key" : "The API key '" + authentication.getName() + "'";
        String detail = scope.isEmpty()
                ? holder + " may not do this."
                : holder + " lacks the scope this request needs: " + scope + ".";
        ProblemWriter.write(response, ErrorCode.API_KEY_SCOPE_MISSING, detail, request.getRequestURI());
    }
}
