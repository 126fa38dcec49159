package com.trackgeek.api.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An address is a client; an IPv6 host usually holds a whole /64, so that is the client there. */
class CallersTest {

    @Test
    void anIpv4AddressIsItself() {
        assertThat(Callers.network("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void anIpv6AddressCountsAsItsSlash64() {
        assertThat(Callers.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(Callers.network("2001:db8:1:2::1"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(Callers.network("2001:db8:1:3::1")).isNotEqualTo(Callers.network("2001:db8:1:2::1"));
    }
}
