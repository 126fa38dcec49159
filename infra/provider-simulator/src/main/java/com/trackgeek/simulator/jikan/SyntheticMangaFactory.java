package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.jikan.JikanValues.DateRange;
import com.trackgeek.simulator.jikan.JikanValues.Images;
import com.trackgeek.simulator.jikan.JikanValues.Link;
import com.trackgeek.simulator.jikan.JikanValues.MalUrl;
import com.trackgeek.simulator.jikan.JikanValues.Relation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a plausible /manga/{id}/full body for any id without a recorded one, from the same building
 * blocks as synthesised anime (titles, names, synopses, MAL reference data). Everything derives from the id
 * and the seed, except the publication status, which follows the calendar as on MAL: a run whose end is
 * still ahead is "Publishing" today.
 */
final class SyntheticMangaFactory {

    private static final List<String> TYPES = List.of(
            "Manga", "Manga", "Manga", "Manga", "Manga", "Manga", "Light Novel", "Light Novel", "Manhwa",
            "One-shot", "Novel");
    /** Relation kinds MAL uses between a manga and another manga. */
    private static final List<String> MANGA_RELATIONS = List.of("Sequel", "Side story", "Spin-off");
    /** One in this many manga is announced but not published yet. */
    private static final int UPCOMING_ODDS = 40;

    private enum Status {
        UPCOMING("Not yet published"), PUBLISHING("Publishing"), ON_HIATUS("On Hiatus"),
        DISCONTINUED("Discontinued"), FINISHED("Finished");

        private final String jikan;

        Status(String jikan) {
            this.jikan = jikan;
        }

        /** Whether MAL counts the run as over, so its chapters and volumes are known. */
        boolean ended() {
            return this == FINISHED || this == DISCONTINUED;
        }
    }

    /** @param to null while the run goes on (or has not started) */
    private record Run(LocalDate from, LocalDate to, Status status) {
    }

    private record Reception(Double score, Integer scoredBy, Integer rank, int popularity, int members,
                             int favorites) {
    }

    private final long seed;
    private final SyntheticTitles titles;
    private final SyntheticTitles animeTitles;
    private final SyntheticNames names;
    private final Clock clock;

    /** @param animeTitles names the anime a synthesised manga's adaptation relation points at */
    SyntheticMangaFactory(long seed, SyntheticTitles titles, SyntheticTitles animeTitles, SyntheticNames names,
                          Clock clock) {
        this.seed = seed;
        this.titles = titles;
        this.animeTitles = animeTitles;
        this.names = names;
        this.clock = clock;
    }

    MangaResource create(long malId) {
        ItemDice dice = new ItemDice(seed, malId);
        SyntheticTitles.Title name = titles.of(malId);
        String type = ItemDice.pick(dice.of("type"), TYPES);
        boolean oneShot = "One-shot".equals(type);
        boolean prose = type.endsWith("Novel");
        Run run = run(dice.of("run"), oneShot, LocalDate.now(clock));
        Reception reception = reception(dice.of("reception"), run.status());
        List<MalUrl> serializations = prose
                ? List.of()
                : ItemDice.pickDistinct(dice.of("serializations"), MalReferenceData.MAGAZINES, 1);

        return new MangaResource(
                malId,
                "https://myanimelist.net/manga/" + malId + "/" + MalSlug.of(name.romaji()),
                Images.cdn(JikanKind.MANGA, dice.of("images")),
                true,
                name.jikanTitles(),
                name.romaji(),
                name.english(),
                name.japanese(),
                name.synonyms(),
                type,
                run.status().ended() || oneShot ? chapters(dice.of("chapters"), run, oneShot, prose) : null,
                run.status().ended() || oneShot ? volumes(dice.of("volumes"), run, oneShot, prose) : null,
                run.status().jikan,
                run.status() == Status.PUBLISHING,
                DateRange.of(run.from(), run.to(), !oneShot),
                reception.score(),
                reception.score(),
                reception.scoredBy(),
                reception.rank(),
                reception.popularity(),
                reception.members(),
                reception.favorites(),
                SyntheticSynopsis.draw(dice.of("synopsis")),
                background(dice.of("background"), name.romaji(), serializations, run.from()),
                authors(dice.of("authors"), prose),
                serializations,
                ItemDice.pickDistinct(dice.of("genres"), MalReferenceData.MANGA_GENRES, dice.of("genres-n").nextInt(1, 4)),
                List.of(),
                ItemDice.pickDistinct(dice.of("themes"), MalReferenceData.MANGA_THEMES, dice.of("themes-n").nextInt(0, 3)),
                ItemDice.pickDistinct(dice.of("demographics"), MalReferenceData.MANGA_DEMOGRAPHICS,
                        dice.of("demographics-n").nextInt(0, 2)),
                relations(dice.of("relations")),
                List.of(new Link("Wikipedia", "https://en.wikipedia.org/wiki/" + name.romaji().replace(' ', '_'))));
    }

    private static Run run(SplittableRandom random, boolean oneShot, LocalDate today) {
        LocalDate from = random.nextInt(UPCOMING_ODDS) == 0
                ? today.plusDays(random.nextInt(14, 200))
                : LocalDate.ofYearDay(random.nextInt(1975, today.getYear() + 1), random.nextInt(1, 366));
        if (from.isAfter(today)) {
            return new Run(from, null, Status.UPCOMING);
        }
        if (oneShot) {
            return new Run(from, from, Status.FINISHED);
        }
        LocalDate end = from.plusDays(random.nextInt(180, 12 * 365));
        if (end.isAfter(today)) {
            return new Run(from, null, random.nextInt(8) == 0 ? Status.ON_HIATUS : Status.PUBLISHING);
        }
        return new Run(from, end, random.nextInt(10) == 0 ? Status.DISCONTINUED : Status.FINISHED);
    }

    /** Prose is counted in volumes only; a serial runs about one chapter a week. */
    private static Integer chapters(SplittableRandom random, Run run, boolean oneShot, boolean prose) {
        if (oneShot) {
            return 1;
        }
        if (prose) {
            return null;
        }
        long weeks = Math.max(1, (run.to().toEpochDay() - run.from().toEpochDay()) / 7);
        return (int) Math.max(1, weeks * random.nextInt(60, 101) / 100);
    }

    private static Integer volumes(SplittableRandom random, Run run, boolean oneShot, boolean prose) {
        if (oneShot) {
            return 1;
        }
        long months = Math.max(1, (run.to().toEpochDay() - run.from().toEpochDay()) / 30);
        return (int) Math.max(1, months / random.nextInt(prose ? 4 : 3, prose ? 9 : 6));
    }

    /** Announced manga have no score or rank on MAL; a score needs enough members to be shown. */
    private static Reception reception(SplittableRandom random, Status status) {
        int members = status == Status.UPCOMING
                ? random.nextInt(50, 5_000)
                : (int) Math.exp(random.nextDouble(Math.log(20), Math.log(350_000)));
        Double score = status == Status.UPCOMING || members < 100 ? null : round2(random.nextDouble(5.5, 8.8));
        Integer scoredBy = score == null ? null : (int) (members * random.nextDouble(0.3, 0.6));
        Integer rank = status == Status.UPCOMING ? null
                : score == null ? random.nextInt(20_000, 70_000)
                : 1 + (int) ((8.8 - score) / 3.3 * 40_000);
        int favorites = (int) (members * random.nextDouble(0.001, 0.03));
        return new Reception(score, scoredBy, rank, PopularityCurve.MANGA.rankOf(members), members, favorites);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Serials by one mangaka or a writer and an artist; prose by a writer and an illustrator. */
    private List<MalUrl> authors(SplittableRandom random, boolean prose) {
        int count = prose || random.nextInt(4) == 0 ? 2 : 1;
        List<MalUrl> authors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long personId = random.nextInt(1, SyntheticPeopleFactory.PERSON_IDS);
            authors.add(MalReferenceData.person(personId, names.person(personId)));
        }
        return List.copyOf(authors);
    }

    private static String background(SplittableRandom random, String title, List<MalUrl> serializations,
                                     LocalDate from) {
        if (serializations.isEmpty() || random.nextInt(10) >= 3) {
            return null;
        }
        return title + " has been serialised in " + serializations.getFirst().name() + " since " + from.getYear() + ".";
    }

    /**
     * Adaptations point at anime, follow-ups at other manga, each named as the simulator synthesises that
     * item. Synthesised manga may point at a recorded id; it then names what this simulator would have
     * synthesised, not the recording.
     */
    private List<Relation> relations(SplittableRandom random) {
        List<Relation> relations = new ArrayList<>();
        if (random.nextInt(10) < 4) {
            long animeId = random.nextInt(1, 60_000);
            relations.add(new Relation("Adaptation",
                    List.of(MalReferenceData.item(JikanKind.ANIME, animeId, animeTitles.of(animeId).romaji()))));
        }
        if (random.nextInt(10) < 3) {
            long mangaId = random.nextInt(1, 170_000);
            relations.add(new Relation(ItemDice.pick(random, MANGA_RELATIONS),
                    List.of(MalReferenceData.item(JikanKind.MANGA, mangaId, titles.of(mangaId).romaji()))));
        }
        return List.copyOf(relations);
    }
}
