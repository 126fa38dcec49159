package com.trackgeek.contracts.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When something ran (aired, was published): the dates as far as known, and the provider's own wording
 * ("Apr 5, 2009 to Jul 4, 2010").
 */
public record DateRange(Instant from, Instant to, String text) {

    LocalDate fromDate() {
        return from == null ? null : LocalDate.ofInstant(from, ZoneOffset.UTC);
    }
}
