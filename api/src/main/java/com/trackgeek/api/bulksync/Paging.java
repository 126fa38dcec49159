package com.trackgeek.api.bulksync;

import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.problem.CallerText;

import java.util.regex.Pattern;

/**
 * A listing's page, checked: every refusal is a 400 {@code INVALID_PARAMETER} that says what a valid value
 * looks like.
 *
 * @param page from 0
 * @param size from 1 to {@code max-page-size}
 */
record Paging(int page, int size) {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    static Paging of(String page, String size, int defaultSize, int maxSize) {
        int number = page == null ? 0 : number("page", page, "an integer from 0");
        int count = size == null ? Math.min(defaultSize, maxSize) : number("size", size, "1 to " + maxSize);
        if (count < 1 || count > maxSize) {
            throw ApiException.invalidParameter("size is 1 to " + maxSize + ", not " + count + ".");
        }
        return new Paging(number, count);
    }

    private static int number(String name, String text, String valid) {
        String trimmed = text.strip();
        if (!NUMBER.matcher(trimmed).matches()) {
            throw ApiException.invalidParameter(name + " is " + valid + ", not " + CallerText.quoted(text) + ".");
        }
        return Integer.parseInt(trimmed);
    }

}
