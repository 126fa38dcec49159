package com.trackgeek.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.http.HttpHeaders;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A request whose {@code Accept} header is blank, seen as one without it: "any type", which is how Spring MVC reads a
 * blank one for its own endpoints. The actuator's Prometheus endpoint reads the raw header instead, finds no format
 * for a blank one and fails (a 500) where it should answer in its default format.
 */
final class BlankAcceptIgnored extends HttpServletRequestWrapper {

    BlankAcceptIgnored(HttpServletRequest request) {
        super(request);
    }

    static boolean isBlank(HttpServletRequest request) {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        return !accept.isEmpty() && accept.stream().allMatch(String::isBlank);
    }

    @Override
    public String getHeader(String name) {
        return isAccept(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return isAccept(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                .filter(name -> !isAccept(name)).toList());
    }

    private static boolean isAccept(String name) {
        return HttpHeaders.ACCEPT.equalsIgnoreCase(name);
    }
}
