package com.trackgeek.api.security;

import com.trackgeek.api.ApiPaths;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Declares the API key scheme in the OpenAPI description, and puts it on every write operation of the API (and on
 * its reads when {@code read-scope} is set), so that clients and the Swagger UI know which calls need the header.
 */
@Component
final class ApiKeyOpenApi implements OpenApiCustomizer {

    static final String SCHEME = "apiKey";
    private static final Set<PathItem.HttpMethod> READS = Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD,
            PathItem.HttpMethod.OPTIONS);

    private final ApiSecurityProperties properties;

    ApiKeyOpenApi(ApiSecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.schemaRequirement(SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(properties.header())
                .description("An API key with the scope the operation needs (writes; reads too when configured)."));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith(ApiPaths.PREFIX + "/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                if (!READS.contains(method) || !properties.readsOpen()) {
                    operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
                }
            });
        });
    }
}
