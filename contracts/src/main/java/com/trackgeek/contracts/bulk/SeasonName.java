package com.trackgeek.contracts.bulk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** A broadcast season as Jikan names it in {@code /seasons/{year}/{season}}: lower case on the wire. */
public enum SeasonName {
    @JsonProperty("winter") WINTER,
    @JsonProperty("spring") SPRING,
    @JsonProperty("summer") SUMMER,
    @JsonProperty("fall") FALL;

    /** The path segment Jikan expects, e.g. {@code winter}. */
    public String pathSegment() {
        return name().toLowerCase(Locale.ROOT);
    }
}
