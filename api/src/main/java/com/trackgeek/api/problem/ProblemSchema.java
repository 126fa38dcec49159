package com.trackgeek.api.problem;

import com.trackgeek.contracts.ErrorCode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;

/**
 * Documents the problem details as callers get them: springdoc reads Spring's {@link ProblemDetail} bean, which
 * shows its extension map as a property of its own, where the body has our stable {@code code} at the top level.
 */
@Component
final class ProblemSchema implements OpenApiCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
        Schema problem = schemas == null ? null : schemas.get(ProblemDetail.class.getSimpleName());
        if (problem == null || problem.getProperties() == null) {
            return;
        }
        problem.getProperties().remove("properties");
        StringSchema code = new StringSchema();
        code.setEnum(Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList());
        code.description("the stable error code to switch on");
        problem.addProperty(Problems.CODE, code);
        problem.description("An RFC 9457 problem detail (application/problem+json) with the stable code.");
    }
}
