package com.trackgeek.servicekit.secrets;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Every service masks its credentials in the actuator the same way ({@link CredentialsSanitizer}), so a worker,
 * which has no security of its own, shows an operator no more than the api does.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class CredentialsSanitizerAutoConfiguration {

    @Bean
    SanitizingFunction credentialsSanitizer() {
        return new CredentialsSanitizer();
    }
}
