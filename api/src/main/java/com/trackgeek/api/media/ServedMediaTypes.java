package com.trackgeek.api.media;

import com.trackgeek.contracts.MediaType;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The media types this deployment serves, checked once at start-up rather than per request: a misspelt
 * type, or a record field that clashes with the metadata the API adds, stops the start. A type not listed
 * answers 503 before anything is published.
 */
@Component
public final class ServedMediaTypes {

    private final Set<MediaType> types;

    ServedMediaTypes(MediaTypesProperties properties) {
        EnumSet<MediaType> served = EnumSet.noneOf(MediaType.class);
        for (String name : properties.mediaTypes()) {
            MediaType type = parse(name);
            requireNoClashWithMetadata(type);
            served.add(type);
        }
        this.types = Collections.unmodifiableSet(served);
    }

    public boolean serves(MediaType type) {
        return types.contains(type);
    }

    public Set<MediaType> types() {
        return types;
    }

    private static MediaType parse(String name) {
        String trimmed = name.trim();
        return MediaType.fromPathSegment(trimmed.toLowerCase(Locale.ROOT))
                .or(() -> Arrays.stream(MediaType.values()).filter(type -> type.name().equalsIgnoreCase(trimmed)).findFirst())
                .orElseThrow(() -> new IllegalStateException("trackgeek.api.media-types lists '" + name
                        + "', which is not a media type; known are " + Arrays.stream(MediaType.values())
                        .map(MediaType::pathSegment).collect(Collectors.joining(", ")) + "."));
    }

    /** The body is the record's fields followed by {@link ItemMetadata}'s: one name must not mean two things. */
    private static void requireNoClashWithMetadata(MediaType type) {
        Set<String> metadata = Arrays.stream(ItemMetadata.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        for (RecordComponent component : type.catalogType().getRecordComponents()) {
            if (metadata.contains(component.getName())) {
                throw new IllegalStateException(type + "'s catalog record has a field '" + component.getName()
                        + "', which the API adds to every item's body; rename one of them.");
            }
        }
    }
}
