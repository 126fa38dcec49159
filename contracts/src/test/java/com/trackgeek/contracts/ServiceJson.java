package com.trackgeek.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON mapper configured as the services' mappers are (Spring Boot's defaults): unknown fields are never fatal and
 * an unknown enum value reads as its default. The contracts' tests read and write messages with it.
 */
public final class ServiceJson {

    private ServiceJson() {
    }

    public static JsonMapper mapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .build();
    }
}
