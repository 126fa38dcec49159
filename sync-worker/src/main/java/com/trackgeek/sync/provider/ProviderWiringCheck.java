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
 * Checks at start-up that the providers of this deployment fit the catalog, so a wiring mistake shows when
 * the worker starts, not after a command has spent provider calls on an item that cannot be stored:
 * <ul>
 * <li>a provider that claims a media type without a catalog record fails start-up (its items could be
 *     fetched but never stored or read);</li>
 * <li>catalog types no provider serves are logged once: their commands fail with
 *     {@code MEDIA_TYPE_NOT_SUPPORTED} before any provider call, which is a choice of the deployment, not an
 *     error.</li>
 * </ul>
 * Providers present but missing their credentials are logged once too, by the names of the settings they
 * need (never a value).
 * It runs while the context starts, before any listener takes a command.
 */
@Component
class ProviderWiringCheck {

    private static final Logger log = LoggerFactory.getLogger(ProviderWiringCheck.class);

    private final Map<MediaType, String> providerByType;

    ProviderWiringCheck(List<MetadataProvider> providers) {
        this.providerByType = verify(providers);
        List<MediaType> unserved = catalogTypesWithoutProvider();
        String served = providerByType.entrySet().stream()
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
        if (unserved.isEmpty()) {
            log.info("Providers serve every catalog type: {}", served);
        } else {
            log.warn("No provider in this deployment for the catalog types {}: their sync commands fail with "
                    + "MEDIA_TYPE_NOT_SUPPORTED. Served: {}", unserved, served.isEmpty() ? "none" : served);
        }
        List<String> off = providers.stream()
                .filter(provider -> !provider.missingSettings().isEmpty())
                .map(provider -> provider.provider() + " " + provider.mediaTypes() + " (set "
                        + String.join(", ", provider.missingSettings()) + ")")
                .toList();
        if (!off.isEmpty()) {
            log.warn("Providers off until their credentials are configured: {}; their sync commands fail with "
                    + "<PROVIDER>_NOT_CONFIGURED, the other types keep working.", String.join("; ", off));
        }
    }

    /** The catalog types (those with a record) that no provider of this deployment serves. */
    List<MediaType> catalogTypesWithoutProvider() {
        List<MediaType> unserved = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            if (type.catalogType().isPresent() && !providerByType.containsKey(type)) {
                unserved.add(type);
            }
        }
        return unserved;
    }

    private static Map<MediaType, String> verify(List<MetadataProvider> providers) {
        Map<MediaType, String> byType = new EnumMap<>(MediaType.class);
        List<String> uncatalogued = new ArrayList<>();
        for (MetadataProvider provider : providers) {
            for (MediaType type : provider.mediaTypes()) {
                if (type.catalogType().isEmpty()) {
                    uncatalogued.add(provider.provider() + " claims " + type);
                }
                byType.put(type, provider.provider().name());
            }
        }
        if (!uncatalogued.isEmpty()) {
            throw new IllegalStateException("Provider wiring does not fit the catalog: " + String.join(", ", uncatalogued)
                    + ", but that media type has no catalog record (MediaType.catalogType() is empty), so its items"
                    + " could be fetched but never stored. Add the type's record to the catalog in contracts, or"
                    + " remove the type from the provider's mediaTypes().");
        }
        return byType;
    }
}
