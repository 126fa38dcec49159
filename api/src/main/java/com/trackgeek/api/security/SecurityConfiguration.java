package com.trackgeek.api.security;

import com.trackgeek.api.ApiPaths;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what, by route. Writes under the API (anything but GET, HEAD and OPTIONS) need a key, with the scope
 * of the first {@code write-scopes} route that matches; this holds before routing, so a write to a route that does
 * not exist (yet) is refused like any other, never told apart as a 404. Reads are open unless {@code read-scope}
 * is set; health, info and prometheus are open, the other actuator endpoints need {@code operations-scope}. Each
 * key's writes are limited ({@link WriteLimitFilter}).
 * Stateless token authentication: no session, no CSRF token (no cookie authenticates anything), no login page,
 * no HTTP Basic.
 *
 * <p>Enabled and registered here rather than by Spring Boot's security auto-configuration, which is left off the
 * classpath (see the pom): the standalone launcher and the pipeline tests run every service in one JVM, and that
 * auto-configuration would secure the workers and the provider simulator too.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(),
            HttpMethod.OPTIONS.name());

    /** Where and when Boot's auto-configuration would put it: early, and on error and async dispatches too. */
    @Bean
    DelegatingFilterProxyRegistrationBean securityFilterChainRegistration() {
        var registration = new DelegatingFilterProxyRegistrationBean(
                AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
        registration.setOrder(-100); // Boot's own default, SecurityFilterProperties.DEFAULT_FILTER_ORDER
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
        return registration;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiSecurityProperties properties, ApiKeys keys,
                                    WebEndpointProperties actuator) {
        String operations = actuator.getBasePath();
        SecurityProblems problems = new SecurityProblems(properties.header());
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyFilter(keys, properties.header()), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new WriteLimitFilter(writesTo(ApiPaths.PREFIX + "/**"), properties), AuthorizationFilter.class)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(routes -> {
                    // Error pages render what was decided already (a 404 of an authorised write, say).
                    routes.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    routes.requestMatchers(operations + "/health", operations + "/health/**", operations + "/info",
                            operations + "/prometheus").permitAll();
                    routes.requestMatchers(operations, operations + "/**").hasAuthority(properties.operationsScope());
                    for (ApiSecurityProperties.RouteScope route : properties.writeScopes()) {
                        routes.requestMatchers(writesTo(route.path())).hasAuthority(route.scope());
                    }
                    routes.requestMatchers(writesTo(ApiPaths.PREFIX + "/**")).authenticated();
                    if (!properties.readsOpen()) {
                        routes.requestMatchers(ApiPaths.PREFIX + "/**").hasAuthority(properties.readScope());
                    }
                    routes.anyRequest().permitAll();
                });
        return http.build();
    }

    private static RequestMatcher writesTo(String pathPattern) {
        RequestMatcher path = PathPatternRequestMatcher.withDefaults().matcher(pathPattern);
        return request -> !SAFE_METHODS.contains(request.getMethod()) && path.matches(request);
    }
}
