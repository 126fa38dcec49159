package com.trackgeek.testsupport;

/**
 * The real Jikan bodies a fake Jikan serves for "some complete anime": FMA:B's {@code /full} body (the only
 * recorded one) under whatever id a test needs, with SAO's recorded characters and staff.
 */
public final class JikanBodies {

    /** No {@code /videos} body was recorded; this is Jikan's documented shape with nothing in it. */
    public static final String EMPTY_VIDEOS = "{\"data\":{\"promo\":[],\"episodes\":[],\"music_videos\":[]}}";

    private static final String FULL = "jikan/anime-5114-fmab-full-readme-example.json";

    private JikanBodies() {
    }

    /** FMA:B's {@code /anime/5114/full} body, describing anime {@code malId} instead. */
    public static String fullAnimeAs(long malId) {
        return Fixtures.body(FULL).replaceFirst("\"mal_id\": 5114", "\"mal_id\": " + malId);
    }

    public static String characters() {
        return Fixtures.body("jikan/anime-11757-sao-characters.json");
    }

    public static String staff() {
        return Fixtures.body("jikan/anime-11757-sao-staff.json");
    }
}
