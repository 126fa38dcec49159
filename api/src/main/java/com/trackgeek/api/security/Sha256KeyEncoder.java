package com.trackgeek.api.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code {sha256}} hash of an API key: the plain hex SHA-256 of its UTF-8 bytes. Unlike a password, an API key
 * is a long random value (32 random bytes), so a fast unsalted hash cannot be brute-forced, and checking it costs
 * microseconds where bcrypt costs ~80 ms of a shared core on every request. Operators create one with
 * {@code printf %s "$KEY" | sha256sum}.
 */
final class Sha256KeyEncoder implements PasswordEncoder {

    static final String ID = "sha256";

    @Override
    public String encode(CharSequence rawKey) {
        return HexFormat.of().formatHex(digest(rawKey));
    }

    @Override
    public boolean matches(CharSequence rawKey, String encodedKey) {
        if (rawKey == null || encodedKey == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(encodedKey.strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(digest(rawKey), expected); // constant time
    }

    static byte[] digest(CharSequence rawKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(rawKey.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
