package com.trackgeek.simulator.jikan;

/**
 * Jikan's error body {@code {status,type,message,error}}.
 *
 * @param status a number, except in the gateway's 429 where Jikan sends the string "429"
 */
record JikanError(Object status, String type, String message, String error) {

    /** Verbatim the body of GET /anime/-1 (fixtures/jikan/error-404-anime-not-found.json). */
    static JikanError notFound() {
        return new JikanError(404, "HttpException", "Not Found", null);
    }

    /** The api.jikan.moe gateway's body (fixtures/jikan/error-429-rate-limited-constructed.json). */
    static JikanError rateLimited() {
        return new JikanError("429", "RateLimitException",
                "You are being rate-limited. Please follow Rate Limiting guidelines: "
                        + "https://jikan.docs.apiary.io/#introduction/information/rate-limiting",
                null);
    }

    /** Shaped like fixtures/jikan/error-500-upstream-exception-anime-full.json: the error names the MAL page. */
    static JikanError upstream(String malUrl) {
        return new JikanError(500, "UpstreamException",
                "Request to MyAnimeList.net failed. MyAnimeList.net may be down/unavailable, refuses to connect "
                        + "or took too long to respond. Please try again later.",
                "Simulated failure: no response from \"" + malUrl + "\".");
    }

    static JikanError badRequest(String detail) {
        return new JikanError(400, "ValidationException",
                "Invalid or incomplete request. Make sure your request is correct. https://docs.api.jikan.moe/",
                detail);
    }
}
