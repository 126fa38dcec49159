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

    LocalDate toDate() {
        return to == null ? null : LocalDate.ofInstant(to, ZoneOffset.UTC);
    }

    /** The last day as far as known: the end, else the start (a one-day airing, a one-shot). */
    static LocalDate lastDay(DateRange range) {
        if (range == null) {
            return null;
        }
        return range.to != null ? range.toDate() : range.fromDate();
    }
}
