package com.trackgeek.api.security;

/**
 * Who made the request being answered, as far as limits per client go: the name of its verified API key, or, when
 * it sent none (or one nobody configured), its address. Never the key itself.
 *
 * @param keyName  the verified key's name; null for an anonymous caller
 * @param address  the caller's address as the servlet container reports it (the forwarded client's only where the
 *                 deployment trusts a forwarded header, {@code server.forward-headers-strategy}); IPv6 addresses
 *                 are cut to their /64 network, which one host usually holds whole
 * @param ownQuota the key's own quota ({@code keys[i].quota}); null for the default
 */
public record Caller(String keyName, String address, Integer ownQuota) {

    public boolean anonymous() {
        return keyName == null;
    }
}
