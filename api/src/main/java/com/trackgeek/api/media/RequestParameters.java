package com.trackgeek.api.media;

import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.problem.CallerText;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parsing of the item read's parameters, with errors that say what a valid value looks like. */
public final class RequestParameters {

    private static final Pattern POSITIVE_INTEGER = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,3})?");

    private RequestParameters() {
    }

    /** Provider ids are positive integers; 18 digits keep any of them inside a long. */
    public static long providerId(String text) {
        if (!POSITIVE_INTEGER.matcher(text).matches()) {
            throw ApiException.invalidParameter("An id is a positive integer, not " + CallerText.quoted(text) + ".");
        }
        return Long.parseLong(text);
    }

    /**
     * An ISO-8601 duration ({@code PT5S}) or a number of seconds ({@code 5}, {@code 2.5}); absent means
     * {@code defaultWait}; more than {@code maxWait} is capped rather than refused.
     */
    static Duration wait(String text, Duration defaultWait, Duration maxWait) {
        if (text == null) {
            return defaultWait;
        }
        Duration wait = parseWait(text.trim());
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    private static Duration parseWait(String text) {
        if (SECONDS.matcher(text).matches()) {
            return Duration.ofMillis(new BigDecimal(text).movePointRight(3).longValueExact());
        }
        try {
            Duration wait = Duration.parse(text);
            if (!wait.isNegative()) {
                return wait;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiException.invalidParameter("wait is an ISO-8601 duration such as PT5S or a number of seconds,"
                + " not " + CallerText.quoted(text) + ".");
    }

}
