package com.trackgeek.simulator.jikan;

/** Jikan's {@code page}/{@code limit} query parameters, validated as Jikan does (limit at most 25). */
record PageRequest(int page, int limit) {

    static final int MAX_LIMIT = 25;

    static PageRequest of(Integer page, Integer limit) {
        int checkedPage = page == null ? 1 : page;
        int checkedLimit = limit == null ? MAX_LIMIT : limit;
        if (checkedPage < 1) {
            throw JikanRequestException.badRequest("The page must be at least 1.");
        }
        if (checkedLimit < 1 || checkedLimit > MAX_LIMIT) {
            throw JikanRequestException.badRequest("The limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return new PageRequest(checkedPage, checkedLimit);
    }
}
