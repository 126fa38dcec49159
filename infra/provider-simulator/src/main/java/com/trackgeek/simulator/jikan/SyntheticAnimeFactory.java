package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.jikan.AnimeResource.Broadcast;
import com.trackgeek.simulator.jikan.AnimeResource.Theme;
import com.trackgeek.simulator.jikan.AnimeResource.Trailer;
import com.trackgeek.simulator.jikan.JikanValues.DateRange;
import com.trackgeek.simulator.jikan.JikanValues.Images;
import com.trackgeek.simulator.jikan.JikanValues.Link;
import com.trackgeek.simulator.jikan.JikanValues.MalUrl;
import com.trackgeek.simulator.jikan.JikanValues.Relation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Builds a plausible /full body for any id without a recorded one. Everything derives from the id and
 * the seed, except the airing status, which (as on MAL) follows the calendar: a show of the current
 * season is "Currently Airing" today and "Finished Airing" once its last episode is past.
 */
final class SyntheticAnimeFactory {

    private static final List<String> UNLISTED_TYPES = List.of(
            "TV", "TV", "TV", "TV", "Movie", "Movie", "OVA", "OVA", "ONA", "ONA", "Special");
    private static final List<Integer> COUR_LENGTHS = List.of(12, 12, 12, 13, 13, 24, 25, 26);
    private static final List<String> BROADCAST_DAYS = List.of(
            "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays");
    private static final List<String> BROADCAST_TIMES = List.of(
            "00:00", "00:30", "01:05", "01:28", "17:30", "22:00", "23:00", "23:30");
    private static final String YOUTUBE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private enum Status {
        UPCOMING("Not yet aired"), AIRING("Currently Airing"), FINISHED("Finished Airing");

        private final String jikan;

        Status(String jikan) {
            this.jikan = jikan;
        }
    }

    private final long seed;
    private final SyntheticLayout layout;
    private final SyntheticTitles titles;
    private final Clock clock;

    SyntheticAnimeFactory(long seed, SyntheticLayout layout, SyntheticTitles titles, Clock clock) {
        this.seed = seed;
        this.layout = layout;
        this.titles = titles;
        this.clock = clock;
    }

    AnimeResource create(long malId) {
        ItemDice dice = new ItemDice(seed, malId);
        SyntheticTitles.Title name = titles.of(malId);
        Optional<SeasonKey> season = layout.seasonOf(malId);
        OptionalInt topRank = layout.topRankOf(malId);

        String type = season.isPresent() || topRank.isPresent()
                ? (dice.of("type").nextInt(10) == 0 ? "ONA" : "TV")
                : ItemDice.pick(dice.of("type"), UNLISTED_TYPES);
        int episodes = episodes(dice.of("episodes"), type);
        LocalDate from = premiere(dice.of("premiere"), season, topRank.isPresent());
        LocalDate lastEpisode = episodes == 1 ? null
                : "OVA".equals(type) ? from.plusMonths(episodes - 1L) : from.plusWeeks(episodes - 1L);
        Status status = status(from, lastEpisode, LocalDate.now(clock));

        String source = ItemDice.pick(dice.of("source"), MalReferenceData.SOURCES);
        List<MalUrl> studios = ItemDice.pickDistinct(dice.of("studios"), MalReferenceData.STUDIOS, 1);
        Reception reception = reception(dice.of("reception"), status, topRank);
        String englishTitle = name.english();
        String url = "https://myanimelist.net/anime/" + malId + "/" + MalSlug.of(name.romaji());

        return new AnimeResource(
                malId,
                url,
                Images.cdn(JikanKind.ANIME, dice.of("images")),
                status != Status.UPCOMING && dice.of("trailer").nextInt(100) < 55
                        ? Trailer.youtube(youtubeId(dice.of("trailer-id")))
                        : Trailer.none(),
                true,
                name.jikanTitles(),
                name.romaji(),
                englishTitle,
                name.japanese(),
                name.synonyms(),
                type,
                source,
                status == Status.UPCOMING ? null : episodes,
                status.jikan,
                status == Status.AIRING,
                DateRange.of(from, status == Status.FINISHED ? lastEpisode : null, episodes > 1),
                duration(dice.of("duration"), type),
                ItemDice.pick(dice.of("rating"), MalReferenceData.RATINGS),
                reception.score(),
                reception.scoredBy(),
                reception.rank(),
                reception.popularity(),
                reception.members(),
                reception.favorites(),
                SyntheticSynopsis.draw(dice.of("synopsis")),
                background(dice.of("background"), name.romaji(), source, studios.getFirst()),
                season.map(key -> key.season().jikanName()).orElse(null),
                season.map(SeasonKey::year).orElse(null),
                "TV".equals(type) ? broadcast(dice.of("broadcast")) : Broadcast.NONE,
                ItemDice.pickDistinct(dice.of("producers"), MalReferenceData.PRODUCERS, dice.of("producers-n").nextInt(1, 5)),
                ItemDice.pickDistinct(dice.of("licensors"), MalReferenceData.LICENSORS, dice.of("licensors-n").nextInt(0, 3)),
                studios,
                ItemDice.pickDistinct(dice.of("genres"), MalReferenceData.GENRES, dice.of("genres-n").nextInt(1, 4)),
                List.of(),
                ItemDice.pickDistinct(dice.of("themes"), MalReferenceData.THEMES, dice.of("themes-n").nextInt(0, 3)),
                ItemDice.pickDistinct(dice.of("demographics"), MalReferenceData.DEMOGRAPHICS,
                        dice.of("demographics-n").nextInt(0, 2)),
                relations(dice.of("relations"), source, name.romaji()),
                theme(dice.of("theme"), type, episodes),
                external(dice.of("external"), name.romaji()),
                status != Status.UPCOMING && dice.of("streaming").nextInt(100) < 60
                        ? List.of(new Link("Crunchyroll", "http://www.crunchyroll.com/" + kebab(name.romaji())))
                        : List.of());
    }

    private static int episodes(SplittableRandom random, String type) {
        return switch (type) {
            case "TV" -> ItemDice.pick(random, COUR_LENGTHS);
            case "ONA" -> random.nextInt(6, 13);
            case "OVA" -> random.nextInt(1, 7);
            case "Special" -> random.nextInt(1, 4);
            default -> 1;
        };
    }

    /** A season's shows premiere in its first weeks; the top list leans to the well-known 1995-2021 era. */
    private static LocalDate premiere(SplittableRandom random, Optional<SeasonKey> season, boolean onTopList) {
        if (season.isPresent()) {
            return season.get().firstDay().plusDays(random.nextInt(0, 28));
        }
        int year = onTopList ? random.nextInt(1995, 2022) : random.nextInt(1975, 2025);
        return LocalDate.ofYearDay(year, random.nextInt(1, 366));
    }

    private static Status status(LocalDate from, LocalDate lastEpisode, LocalDate today) {
        if (from.isAfter(today)) {
            return Status.UPCOMING;
        }
        return lastEpisode != null && !lastEpisode.isBefore(today) ? Status.AIRING : Status.FINISHED;
    }

    private record Reception(Double score, Integer scoredBy, Integer rank, int popularity, int members,
                             int favorites) {
    }

    /** Upcoming titles have no score, rank or scored_by on MAL; everything else scales with members. */
    private Reception reception(SplittableRandom random, Status status, OptionalInt topRank) {
        int members;
        Double score;
        Integer rank;
        if (status == Status.UPCOMING) {
            members = random.nextInt(500, 60_000);
            score = null;
            rank = null;
        } else if (topRank.isPresent()) {
            int position = topRank.getAsInt();
            members = (int) (3_200_000 / Math.sqrt(position) * random.nextDouble(0.8, 1.2));
            score = round2(9.2 - 1.6 * (position - 1) / Math.max(1, layout.topSize()));
            rank = position;
        } else {
            members = random.nextInt(1_000, 400_000);
            score = round2(random.nextDouble(5.2, 7.6));
            rank = layout.topSize() + 1 + random.nextInt(20_000);
        }
        Integer scoredBy = score == null ? null : (int) (members * random.nextDouble(0.3, 0.7));
        int popularity = PopularityCurve.ANIME.rankOf(members);
        int favorites = (int) (members * random.nextDouble(0.001, 0.03));
        return new Reception(score, scoredBy, rank, popularity, members, favorites);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String youtubeId(SplittableRandom random) {
        StringBuilder id = new StringBuilder(11);
        for (int i = 0; i < 11; i++) {
            id.append(YOUTUBE_ALPHABET.charAt(random.nextInt(YOUTUBE_ALPHABET.length())));
        }
        return id.toString();
    }

    private static String duration(SplittableRandom random, String type) {
        return switch (type) {
            case "TV" -> random.nextInt(22, 26) + " min per ep";
            case "ONA" -> random.nextInt(10, 25) + " min per ep";
            case "OVA" -> random.nextInt(24, 31) + " min per ep";
            case "Movie" -> "1 hr " + random.nextInt(10, 59) + " min";
            default -> random.nextInt(5, 25) + " min";
        };
    }

    private static String background(SplittableRandom random, String title, String source, MalUrl studio) {
        if (random.nextInt(10) >= 3) {
            return null;
        }
        return "Original".equals(source)
                ? title + " is an original work by " + studio.name() + "."
                : title + " is an adaptation of the " + source.toLowerCase(Locale.ROOT) + " of the same name.";
    }

    private static Broadcast broadcast(SplittableRandom random) {
        String day = ItemDice.pick(random, BROADCAST_DAYS);
        String time = ItemDice.pick(random, BROADCAST_TIMES);
        return new Broadcast(day, time, "Asia/Tokyo", day + " at " + time + " (JST)");
    }

    private static List<Relation> relations(SplittableRandom random, String source, String title) {
        if ("Original".equals(source) || "Game".equals(source)) {
            return List.of();
        }
        long mangaId = random.nextInt(1, 170_000);
        return List.of(new Relation("Adaptation", List.of(MalReferenceData.item(JikanKind.MANGA, mangaId, title))));
    }

    private static Theme theme(SplittableRandom random, String type, int episodes) {
        if (!"TV".equals(type) && !"ONA".equals(type)) {
            return new Theme(List.of(), List.of());
        }
        return new Theme(
                List.of(SyntheticSongs.draw(random).themeLine(1, episodes)),
                List.of(SyntheticSongs.draw(random).themeLine(1, episodes)));
    }

    private static List<Link> external(SplittableRandom random, String title) {
        return List.of(
                new Link("Official Site", "https://" + kebab(title) + "-anime.jp/"),
                new Link("AniDB", "https://anidb.net/perl-bin/animedb.pl?show=anime&aid=" + random.nextInt(1, 18_000)));
    }

    private static String kebab(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
