package com.trackgeek.sync.provider;

import com.trackgeek.contracts.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says once, while the worker starts and before any listener takes a command, what this deployment can
 * sync, so an operator reads it in the first lines of the log rather than in failed syncs:
 * <ul>
 * <li>media types no provider serves: their commands fail with {@code MEDIA_TYPE_NOT_SUPPORTED} before any
 *     provider call, which is a choice of the deployment, not an error;</li>
 * <li>providers present but missing their credentials, by the names of the settings they need (never a
 *     value): their commands fail with {@code <PROVIDER>_NOT_CONFIGURED}, the other types keep working.</li>
 * </ul>
 */
@Component
class ProviderWiringCheck {

    private static final Logger log = LoggerFactory.getLogger(ProviderWiringCheck.class);

    private final Map<MediaType, String> providerByType = new EnumMap<>(MediaType.class);

    ProviderWiringCheck(List<MetadataProvider> providers) {
        for (MetadataProvider provider : providers) {
            provider.mediaTypes().forEach(type -> providerByType.put(type, provider.provider().name()));
        }
        List<MediaType> unserved = typesWithoutProvider();
        String served = providerByType.entrySet().stream()
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
        if (unserved.isEmpty()) {
            log.info("Providers serve every media type: {}", served);
        } else {
            log.warn("No provider in this deployment for the media types {}: their sync commands fail with "
                    + "MEDIA_TYPE_NOT_SUPPORTED. Served: {}", unserved, served.isEmpty() ? "none" : served);
        }
        List<String> off = providers.stream()
                .filter(provider -> !provider.missingSettings().isEmpty())
                .map(provider -> provider.provider() + " " + provider.mediaTypes() + " (set "
                        + String.join(", ", provider.missingSettings()) + "; until then "
                        + provider.provider().notConfigured() + ")")
                .toList();
        if (!off.isEmpty()) {
            log.warn("Providers off until their credentials are configured: {}. The other types keep working.",
                    String.join(", ", off));
        }
    }

    /** The media types no provider of this deployment serves. */
    List<MediaType> typesWithoutProvider() {
        List<MediaType> unserved = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            if (!providerByType.containsKey(type)) {
                unserved.add(type);
            }
        }
        return unserved;
    }
}
