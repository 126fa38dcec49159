package com.trackgeek.simulator.jikan;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.function.Function;

/** Jikan's list envelope: {@code {"pagination": {...}, "data": [...]}}. */
record JikanPage<T>(Pagination pagination, List<T> data) {

    @JsonNaming(SnakeCaseStrategy.class)
    record Pagination(int lastVisiblePage, boolean hasNextPage, int currentPage, Items items) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record Items(int count, int total, int perPage) {
    }

    /**
     * One page of {@code all}; only that page's entries are rendered, which matters when they are
     * synthesised on demand. A page past the end is empty, as on Jikan.
     */
    static <S, T> JikanPage<T> of(List<S> all, PageRequest request, Function<S, T> render) {
        int total = all.size();
        int from = (int) Math.min((long) (request.page() - 1) * request.limit(), total);
        int to = Math.min(from + request.limit(), total);
        List<T> data = all.subList(from, to).stream().map(render).toList();
        int lastVisiblePage = Math.max(1, (total + request.limit() - 1) / request.limit());
        return new JikanPage<>(
                new Pagination(lastVisiblePage, request.page() < lastVisiblePage, request.page(),
                        new Items(data.size(), total, request.limit())),
                data);
    }
}
