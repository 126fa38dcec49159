package com.trackgeek.sync.provider;

import com.trackgeek.contracts.MediaType;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which provider serves which media type, from the provider beans present. */
@Component
public class MetadataProviders {

    private final Map<MediaType, MetadataProvider> byType = new EnumMap<>(MediaType.class);

    MetadataProviders(List<MetadataProvider> providers) {
        for (MetadataProvider provider : providers) {
            for (MediaType type : provider.mediaTypes()) {
                MetadataProvider previous = byType.put(type, provider);
                if (previous != null) {
                    throw new IllegalStateException(type + " is claimed by both " + previous.provider() + " and " + provider.provider());
                }
            }
        }
    }

    public Optional<MetadataProvider> forType(MediaType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
