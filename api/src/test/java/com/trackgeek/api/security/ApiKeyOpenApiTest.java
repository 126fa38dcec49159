package com.trackgeek.api.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The write operations the API will have show the API key scheme; its reads do not, while they are open. */
class ApiKeyOpenApiTest {

    @Test
    void writesNeedTheKeyAndOpenReadsDoNot() {
        OpenAPI api = api();

        new ApiKeyOpenApi(properties("")).customise(api);

        PathItem bulkSyncs = api.getPaths().get("/api/v1/bulk-syncs");
        assertThat(bulkSyncs.getPost().getSecurity()).singleElement()
                .satisfies(requirement -> assertThat(requirement).containsKey(ApiKeyOpenApi.SCHEME));
        assertThat(bulkSyncs.getGet().getSecurity()).isNullOrEmpty();
        assertThat(api.getComponents().getSecuritySchemes()).containsKey(ApiKeyOpenApi.SCHEME);
    }

    @Test
    void readsNeedTheKeyWhenAReadScopeIsSet() {
        OpenAPI api = api();

        new ApiKeyOpenApi(properties("items:read")).customise(api);

        assertThat(api.getPaths().get("/api/v1/bulk-syncs").getGet().getSecurity()).hasSize(1);
    }

    private static OpenAPI api() {
        return new OpenAPI().paths(new Paths().addPathItem("/api/v1/bulk-syncs",
                new PathItem().get(new Operation()).post(new Operation())));
    }

    private static ApiSecurityProperties properties(String readScope) {
        return new ApiSecurityProperties("X-API-Key", List.of(), List.of(), readScope, "actuator:read",
                Duration.ofMinutes(5), new ApiSecurityProperties.WriteLimit(60, Duration.ofMinutes(1)));
    }
}
