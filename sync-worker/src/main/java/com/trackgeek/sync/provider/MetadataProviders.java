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

    /**
     * The provider of {@code type}, ready to be called: checked before any provider call, so work for a type
     * without a provider, or whose provider still lacks its credentials, fails at once with the code that says so.
     *
     * @throws ProviderException {@code MEDIA_TYPE_NOT_SUPPORTED} or {@code <PROVIDER>_NOT_CONFIGURED} (naming the
     *                           missing settings, never a value)
     */
    public MetadataProvider ready(MediaType type) {
        MetadataProvider provider = forType(type).orElseThrow(() -> ProviderException.notSupported(type));
        List<String> missing = provider.missingSettings();
        if (!missing.isEmpty()) {
            throw ProviderException.notConfigured(provider.provider(),
                    provider.provider() + " is not configured in this deployment: set " + String.join(", ", missing));
        }
        return provider;
    }
}
