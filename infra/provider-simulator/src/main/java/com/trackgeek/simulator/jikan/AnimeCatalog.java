package com.trackgeek.simulator.jikan;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every anime MyAnimeList "has": the recorded ones as recorded, every other id up to
 * {@code not-found-above-id} synthesised. A recorded body always wins, whatever the threshold.
 */
final class AnimeCatalog {

    private final JikanFixtures fixtures;
    private final SyntheticAnimeFactory animeFactory;
    private final SyntheticPeopleFactory peopleFactory;
    private final SyntheticVideosFactory videosFactory;
    private final JikanProperties properties;
    private final JsonMapper jsonMapper;

    AnimeCatalog(JikanFixtures fixtures, SyntheticAnimeFactory animeFactory, SyntheticPeopleFactory peopleFactory,
                 SyntheticVideosFactory videosFactory, JikanProperties properties, JsonMapper jsonMapper) {
        this.fixtures = fixtures;
        this.animeFactory = animeFactory;
        this.peopleFactory = peopleFactory;
        this.videosFactory = videosFactory;
        this.properties = properties;
        this.jsonMapper = jsonMapper;
    }

    boolean exists(long malId) {
        return fixtures.anime(malId).isPresent() || properties.exists(malId);
    }

    /** The /anime/{id}/full body's data. */
    ObjectNode full(long malId) {
        return AnimeShape.full(stored(malId));
    }

    /** The /anime/{id} body's data, also the shape of list entries. */
    ObjectNode plain(long malId) {
        return AnimeShape.plain(stored(malId));
    }

    /** The whole body of /anime/{id}/characters, /staff or /videos. */
    JsonNode subResource(long malId, SubResource resource) {
        if (!exists(malId)) {
            throw JikanRequestException.notFound();
        }
        return fixtures.subResource(malId, resource)
                .map(JsonNode::deepCopy)
                .orElseGet(() -> jsonMapper.valueToTree(new JikanData<>(synthesised(malId, resource))));
    }

    private Object synthesised(long malId, SubResource resource) {
        return switch (resource) {
            case CHARACTERS -> peopleFactory.characters(malId);
            case STAFF -> peopleFactory.staff(malId);
            case VIDEOS -> videosFactory.create(stored(malId));
        };
    }

    /** Shared with the fixture index when recorded: callers get copies through {@link AnimeShape}. */
    private ObjectNode stored(long malId) {
        if (!exists(malId)) {
            throw JikanRequestException.notFound();
        }
        return fixtures.anime(malId).orElseGet(() -> jsonMapper.valueToTree(animeFactory.create(malId)));
    }
}
