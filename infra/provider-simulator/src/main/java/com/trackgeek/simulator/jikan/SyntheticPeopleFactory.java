package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.jikan.CharacterResource.Character;
import com.trackgeek.simulator.jikan.CharacterResource.CharacterImages;
import com.trackgeek.simulator.jikan.CharacterResource.JpgImage;
import com.trackgeek.simulator.jikan.CharacterResource.Person;
import com.trackgeek.simulator.jikan.CharacterResource.PersonImages;
import com.trackgeek.simulator.jikan.CharacterResource.VoiceActor;
import com.trackgeek.simulator.jikan.CharacterResource.WebpImage;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Cast and staff lists for anime, and casts for manga, without recorded ones. */
final class SyntheticPeopleFactory {

    private static final List<List<String>> STAFF_POSITIONS = List.of(
            List.of("Director", "Storyboard"), List.of("Series Composition"), List.of("Character Design"),
            List.of("Music"), List.of("Sound Director"), List.of("Producer"), List.of("Original Creator"),
            List.of("Animation Director", "Key Animation"), List.of("Director of Photography"));
    /** Real MAL person ids run to about 70k; synthesised people reuse that range so lists look familiar. */
    static final int PERSON_IDS = 70_000;
    /** Synthesised characters are not shared between works: each anime and each manga has its own id block. */
    private static final long ANIME_CHARACTER_IDS = 300_000;
    private static final long MANGA_CHARACTER_IDS = 20_000_000;
    private static final int CHARACTERS_PER_WORK = 16;

    private final long seed;
    private final SyntheticNames names;

    SyntheticPeopleFactory(long seed, SyntheticNames names) {
        this.seed = seed;
        this.names = names;
    }

    List<CharacterResource> characters(long malId) {
        SplittableRandom random = new ItemDice(seed, malId).of("characters");
        int count = random.nextInt(6, 15);
        List<CharacterResource> characters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Character character = character(random, ANIME_CHARACTER_IDS + malId * CHARACTERS_PER_WORK + i);
            List<VoiceActor> voiceActors = new ArrayList<>();
            voiceActors.add(new VoiceActor(person(random.nextInt(1, PERSON_IDS)), "Japanese"));
            if (random.nextBoolean()) {
                voiceActors.add(new VoiceActor(person(random.nextInt(1, PERSON_IDS)), "English"));
            }
            characters.add(new CharacterResource(character, role(i), List.copyOf(voiceActors)));
        }
        return List.copyOf(characters);
    }

    /** A manga's cast: characters and roles only, as manga have no voice actors. */
    List<MangaCharacterResource> mangaCharacters(long malId) {
        SplittableRandom random = new ItemDice(seed, malId).of("manga-characters");
        int count = random.nextInt(4, 13);
        List<MangaCharacterResource> characters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            characters.add(new MangaCharacterResource(
                    character(random, MANGA_CHARACTER_IDS + malId * CHARACTERS_PER_WORK + i), role(i)));
        }
        return List.copyOf(characters);
    }

    List<StaffResource> staff(long malId) {
        SplittableRandom random = new ItemDice(seed, malId).of("staff");
        int count = random.nextInt(5, STAFF_POSITIONS.size() + 1);
        List<StaffResource> staff = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            staff.add(new StaffResource(person(random.nextInt(1, PERSON_IDS)), STAFF_POSITIONS.get(i)));
        }
        return List.copyOf(staff);
    }

    private static Character character(SplittableRandom random, long characterId) {
        SyntheticNames.Name name = SyntheticNames.draw(random);
        String imageBase = "https://cdn.myanimelist.net/images/characters/" + random.nextInt(1, 17) + "/"
                + random.nextInt(10_000, 600_000);
        return new Character(characterId,
                "https://myanimelist.net/character/" + characterId + "/" + name.slug(),
                new CharacterImages(new JpgImage(imageBase + ".jpg"),
                        new WebpImage(imageBase + ".webp", imageBase + "t.webp")),
                name.listed());
    }

    private static String role(int slot) {
        return slot < 2 ? "Main" : "Supporting";
    }

    private Person person(long personId) {
        SyntheticNames.Name name = names.person(personId);
        SplittableRandom random = new ItemDice(seed, personId).of("person-image");
        return new Person(personId,
                "https://myanimelist.net/people/" + personId + "/" + name.slug(),
                new PersonImages(new JpgImage("https://cdn.myanimelist.net/images/voiceactors/"
                        + random.nextInt(1, 4) + "/" + random.nextInt(10_000, 80_000) + ".jpg")),
                name.listed());
    }
}
