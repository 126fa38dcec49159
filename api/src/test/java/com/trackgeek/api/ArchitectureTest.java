package com.trackgeek.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.trackgeek.servicekit.items.MediaItemStore;
import org.springframework.kafka.core.KafkaTemplate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The API's boundaries: it reads items and asks for work, it never does the work. Items are written by the sync
 * worker alone (in the transaction that records the sync or the search), so nothing here writes through the item
 * store; and what the API publishes goes out through the three places that record it first (a sync request's row,
 * a provider search's row, a bulk job's row), so no other class touches Kafka's producer.
 */
@AnalyzeClasses(packages = "com.trackgeek.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theApiNeverWritesItems = noClasses()
            .should().callMethod(MediaItemStore.class, "upsert", com.trackgeek.contracts.catalog.CatalogItem.class)
            .orShould().callMethod(MediaItemStore.class, "upsertPartial", com.trackgeek.contracts.catalog.CatalogItem.class)
            .because("items are written by the sync worker, with the sync's or the search's outcome");

    @ArchTest
    static final ArchRule onlyTheRecordingPublishersProduce = noClasses()
            .that().doNotHaveSimpleName("SyncCommandPublisher").and().doNotHaveSimpleName("ProviderSearches")
            .and().doNotHaveSimpleName("BulkSyncPublisher")
            .should().dependOnClassesThat().areAssignableTo(KafkaTemplate.class)
            .because("a command is published only after its row records it, so none is lost or promised twice");

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOthersInsidesInACycle = slices()
            .matching("com.trackgeek.api.(*)..")
            .should().beFreeOfCycles();
}
