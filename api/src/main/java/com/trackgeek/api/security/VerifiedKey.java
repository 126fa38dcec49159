package com.trackgeek.api.security;

import java.util.Set;

/** A presented API key that matched a configured one: who holds it, and what it may do. */
record VerifiedKey(String name, Set<String> scopes) {
}
