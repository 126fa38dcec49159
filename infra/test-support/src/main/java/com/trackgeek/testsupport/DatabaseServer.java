package com.trackgeek.testsupport;

/** Where the tests' shared PostgreSQL listens, whichever kind it is (embedded or a container). */
public record DatabaseServer(String jdbcUrl, String username, String password) {
}
