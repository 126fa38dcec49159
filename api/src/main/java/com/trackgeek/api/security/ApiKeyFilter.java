package com.trackgeek.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Authenticates a request by its API key header: the key's name becomes the principal (what started work records
 * as its requester, {@code Authentication#getName()} or {@code request.getUserPrincipal()}) and its scopes the
 * authorities the routes are checked against. A request without the header, or with a key nobody configured, goes
 * on anonymously: an open read is answered all the same (as it is when {@code CachedItemFilter} answers it before
 * any security runs), and a request that needs a key is refused as having sent an unknown one. Not a bean, so that
 * the servlet container does not run it outside the security filter chain as well.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final String header;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(ApiKeys keys, String header) {
        this.keys = keys;
        this.header = header;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(header);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        var key = keys.verify(presented.strip());
        if (key.isEmpty()) {
            request.setAttribute(SecurityProblems.UNKNOWN_KEY, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        var authentication = new PreAuthenticatedAuthenticationToken(key.get().name(), null,
                key.get().scopes().stream().map(SimpleGrantedAuthority::new).toList());
        var context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
