package com.trackgeek.sync.provider;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;

/**
 * Why a provider could not give us an item, as the stable code the sync's outcome carries.
 */
public final class ProviderException extends RuntimeException {

    private final ErrorCode code;

    private ProviderException(ErrorCode code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    public static ProviderException notFound(MediaType type, String detail) {
        return new ProviderException(type.notFound(), detail, null);
    }

    /** No provider for the type in this deployment. */
    public static ProviderException notSupported(MediaType type) {
        return new ProviderException(ErrorCode.MEDIA_TYPE_NOT_SUPPORTED, "no provider for " + type + " in this deployment", null);
    }

    /** The provider cannot list {@code selector}: {@code detail} says what it can list instead. */
    public static ProviderException selectorNotSupported(Provider provider, String detail) {
        return new ProviderException(ErrorCode.BULK_SELECTOR_NOT_SUPPORTED, provider + ": " + detail, null);
    }

    public static ProviderException unavailable(Provider provider, String detail, Throwable cause) {
        return new ProviderException(provider.serviceUnavailable(), detail, cause);
    }

    /** The provider's credentials are missing: {@code detail} names the settings, never their values. */
    public static ProviderException notConfigured(Provider provider, String detail) {
        return new ProviderException(provider.notConfigured(), detail, null);
    }

    /** The provider refused our credentials (401/403): a configuration error, not an outage. */
    public static ProviderException credentialsRejected(Provider provider, String detail) {
        return new ProviderException(provider.credentialsRejected(), detail, null);
    }

    public static ProviderException invalidPayload(Provider provider, String detail, Throwable cause) {
        return new ProviderException(ErrorCode.PROVIDER_PAYLOAD_INVALID, provider + ": " + detail, cause);
    }

    public ErrorCode code() {
        return code;
    }
}
