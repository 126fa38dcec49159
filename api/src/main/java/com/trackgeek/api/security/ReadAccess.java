package com.trackgeek.api.security;

import org.springframework.stereotype.Component;

/**
 * Whether the API's reads are open ({@code trackgeek.api.security.read-scope} blank), for what answers reads
 * before the security filter chain runs ({@code CachedItemFilter}): it may do so only while they are.
 */
@Component
public final class ReadAccess {

    private final boolean open;

    ReadAccess(ApiSecurityProperties properties) {
        this.open = properties.readsOpen();
    }

    public boolean open() {
        return open;
    }
}
