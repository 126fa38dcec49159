package com.trackgeek.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Which configured key a presented one is, and what a wrong configuration says at start-up. */
class ApiKeysTest {

    private static final String KEY = "k3y-2c1f8e0b9d7a4c6e5f3a1b0c9d8e7f6a";
    private static final String KEY_SHA256 = new Sha256KeyEncoder().encode(KEY);

    @Test
    void aKeyIsKnownByItsSha256AndYieldsItsNameAndScopes() {
        ApiKeys keys = keys(new ApiSecurityProperties.Key("backoffice", "{sha256}" + KEY_SHA256,
                List.of("bulk-syncs:write", "items:refresh"), null, null));

        var verified = keys.verify(KEY);

        assertThat(verified).hasValueSatisfying(key -> {
            assertThat(key.name()).isEqualTo("backoffice");
            assertThat(key.scopes()).containsExactlyInAnyOrder("bulk-syncs:write", "items:refresh");
        });
        assertThat(keys.verify(KEY + "x")).isEmpty();
        assertThat(keys.verify("")).isEmpty();
    }

    @Test
    void aBcryptHashIsAcceptedToo() {
        ApiKeys keys = keys(new ApiSecurityProperties.Key("legacy", "{bcrypt}" + new BCryptPasswordEncoder(4).encode(KEY),
                List.of("bulk-syncs:write"), null, null));

        assertThat(keys.verify(KEY)).hasValueSatisfying(key -> assertThat(key.name()).isEqualTo("legacy"));
        assertThat(keys.verify("another")).isEmpty();
    }

    @Test
    void theKeysNameIsTheAuthenticatedPrincipalsNameForWhatItStarts() throws Exception {
        ApiKeys keys = keys(new ApiSecurityProperties.Key("backoffice", "{sha256}" + KEY_SHA256,
                List.of("bulk-syncs:write"), null, null));
        var filter = new ApiKeyFilter(keys, "X-API-Key");
        var request = new MockHttpServletRequest("POST", "/api/v1/bulk-syncs");
        request.addHeader("X-API-Key", KEY);
        AtomicReference<Authentication> seen = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set(SecurityContextHolder.getContext().getAuthentication());
            }
        });
        SecurityContextHolder.clearContext();

        assertThat(seen.get().getName()).isEqualTo("backoffice");
        assertThat(seen.get().getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("bulk-syncs:write");
        assertThat(seen.get().getCredentials()).as("the key is not kept").isNull();
    }

    @Test
    void aHashWithoutAKnownAlgorithmStopsTheStartWithoutShowingIt() {
        assertThatIllegalStateException()
                .isThrownBy(() -> keys(new ApiSecurityProperties.Key("backoffice", KEY_SHA256, List.of(), null, null)))
                .withMessageContaining("keys[0].hash").withMessageContaining("'backoffice'")
                .withMessageContaining("{sha256}")
                .withMessageNotContaining(KEY_SHA256);
    }

    @Test
    void twoKeysWithOneNameStopTheStart() {
        var key = new ApiSecurityProperties.Key("backoffice", "{sha256}" + KEY_SHA256, List.of(), null, null);

        assertThatIllegalStateException().isThrownBy(() -> keys(key, key)).withMessageContaining("keys[1].name");
    }

    @Test
    void theConfiguredKeyDoesNotPrintItsHash() {
        assertThat(new ApiSecurityProperties.Key("backoffice", "{sha256}" + KEY_SHA256, List.of(), null, null).toString())
                .contains("backoffice").doesNotContain(KEY_SHA256);
    }

    private static ApiKeys keys(ApiSecurityProperties.Key... keys) {
        return new ApiKeys(new ApiSecurityProperties("X-API-Key", List.of(keys), List.of(), "", "actuator:read",
                Duration.ofMinutes(5), new ApiSecurityProperties.WriteLimit(60, Duration.ofMinutes(1))));
    }
}
