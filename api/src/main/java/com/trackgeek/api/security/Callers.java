package com.trackgeek.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tells who a request comes from ({@link Caller}) for what limits clients, without handing out the keys or the
 * security context: the key {@link ApiKeyFilter} verified, or the address for a request without one.
 */
@Component
public final class Callers {

    private final Map<String, Integer> ownQuotas;

    Callers(ApiSecurityProperties properties) {
        this.ownQuotas = properties.keys().stream()
                .filter(key -> key.quota() != null)
                .collect(Collectors.toMap(ApiSecurityProperties.Key::name, ApiSecurityProperties.Key::quota));
    }

    /** The caller of {@code request}, whose security context is the current thread's. */
    public Caller of(HttpServletRequest request) {
        String address = network(request.getRemoteAddr());
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof PreAuthenticatedAuthenticationToken) {
            String name = authentication.getName();
            return new Caller(name, address, ownQuotas.get(name));
        }
        return new Caller(null, address, null);
    }

    /** An IPv6 address as its /64 (a host commonly has the whole network to pick from); IPv4 as it is. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal: parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] bytes = parsed.getAddress();
            for (int i = 8; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }
}
