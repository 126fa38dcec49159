package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.jikan.JikanValues.MalUrl;

import java.util.ArrayList;
import java.util.List;

/**
 * Real MyAnimeList producers, studios, magazines, genres and themes (ids and names as they appear in the
 * recorded fixtures), so synthesised items reference entities that exist. MAL numbers genres the same for
 * anime and manga; only the reference's type and URL differ, so each table is written once and rendered
 * per kind.
 */
final class MalReferenceData {

    private static final Object[] GENRE_TABLE = {
            1, "Action", 2, "Adventure", 4, "Comedy", 8, "Drama", 10, "Fantasy", 7, "Mystery", 22, "Romance",
            24, "Sci-Fi", 36, "Slice of Life", 30, "Sports", 37, "Supernatural", 14, "Horror"};
    private static final Object[] THEME_TABLE = {
            23, "School", 17, "Martial Arts", 62, "Isekai", 31, "Super Power", 50, "Adult Cast", 13, "Historical",
            63, "Iyashikei", 6, "Mythology", 18, "Mecha", 38, "Military", 40, "Psychological", 19, "Music",
            29, "Space", 21, "Samurai"};
    private static final Object[] DEMOGRAPHIC_TABLE = {27, "Shounen", 42, "Seinen", 25, "Shoujo", 43, "Josei"};

    static final List<MalUrl> PRODUCERS = references(JikanKind.ANIME, "producer",
            17, "Aniplex", 1365, "Shueisha", 238, "AT-X", 1696, "Kadokawa", 1211, "Tokyo MX", 16, "TV Tokyo",
            166, "Movic", 1416, "BS11", 460, "KlockWorx", 53, "Dentsu", 64, "Sotsu", 323, "Nippon Columbia",
            143, "Mainichi Broadcasting System", 159, "Kodansha", 1500, "ABC Animation",
            1113, "NBCUniversal Entertainment Japan", 1143, "TOHO animation", 111, "NHK", 1430, "Shogakukan");

    static final List<MalUrl> LICENSORS = references(JikanKind.ANIME, "producer",
            102, "Funimation", 376, "Sentai Filmworks", 119, "VIZ Media", 493, "Aniplex of America");

    static final List<MalUrl> STUDIOS = references(JikanKind.ANIME, "producer",
            1, "Pierrot", 1835, "CloverWorks", 4, "Bones", 1258, "Bandai Namco Pictures", 56, "A-1 Pictures",
            11, "Madhouse", 858, "Wit Studio", 441, "8bit", 569, "MAPPA", 287, "David Production",
            132, "P.A. Works", 14, "Sunrise", 112, "Brain's Base", 1103, "TROYCA");

    /** Where manga are serialised. */
    static final List<MalUrl> MAGAZINES = references(JikanKind.MANGA, "magazine",
            83, "Shounen Jump (Weekly)", 13, "Shounen Gangan", 1366, "Jump GIGA", 1436, "Genbun Magazine");

    static final List<MalUrl> GENRES = genres(JikanKind.ANIME, GENRE_TABLE);
    static final List<MalUrl> THEMES = genres(JikanKind.ANIME, THEME_TABLE);
    static final List<MalUrl> DEMOGRAPHICS = genres(JikanKind.ANIME, DEMOGRAPHIC_TABLE);

    static final List<MalUrl> MANGA_GENRES = genres(JikanKind.MANGA, GENRE_TABLE);
    static final List<MalUrl> MANGA_THEMES = genres(JikanKind.MANGA, THEME_TABLE);
    static final List<MalUrl> MANGA_DEMOGRAPHICS = genres(JikanKind.MANGA, DEMOGRAPHIC_TABLE);

    static final List<String> SOURCES = List.of(
            "Manga", "Manga", "Manga", "Light novel", "Light novel", "Original", "Original", "Web manga",
            "4-koma manga", "Game", "Novel", "Visual novel");

    static final List<String> RATINGS = List.of(
            "PG-13 - Teens 13 or older", "PG-13 - Teens 13 or older", "PG-13 - Teens 13 or older",
            "PG-13 - Teens 13 or older", "R - 17+ (violence & profanity)", "R - 17+ (violence & profanity)",
            "PG - Children", "G - All Ages", "R+ - Mild Nudity");

    private MalReferenceData() {
    }

    /** A MAL person as an author reference: {@code {mal_id, "people", "Family, Given", .../people/<id>/Given_Family}}. */
    static MalUrl person(long personId, SyntheticNames.Name name) {
        return new MalUrl(personId, "people", name.listed(),
                "https://myanimelist.net/people/" + personId + "/" + name.slug());
    }

    /** A related anime or manga, as relation entries list it. */
    static MalUrl item(JikanKind kind, long malId, String title) {
        return new MalUrl(malId, kind.path(), title,
                "https://myanimelist.net/" + kind.path() + "/" + malId + "/" + MalSlug.of(title));
    }

    private static List<MalUrl> genres(JikanKind kind, Object... idsAndNames) {
        return references(kind, "genre", idsAndNames);
    }

    private static List<MalUrl> references(JikanKind kind, String entity, Object... idsAndNames) {
        List<MalUrl> references = new ArrayList<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            int malId = (Integer) idsAndNames[i];
            String name = (String) idsAndNames[i + 1];
            references.add(new MalUrl(malId, kind.path(), name,
                    "https://myanimelist.net/" + kind.path() + "/" + entity + "/" + malId + "/" + MalSlug.of(name)));
        }
        return List.copyOf(references);
    }
}
