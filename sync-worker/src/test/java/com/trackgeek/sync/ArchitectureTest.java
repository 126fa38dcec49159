package com.trackgeek.sync;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.servicekit.items.MediaItemStore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The provider boundary: each provider is one package behind {@code MetadataProvider}, so adding a provider
 * touches no other provider and nothing outside the provider packages. And the catalog boundary: a media
 * type's stored shape is its catalog record in contracts, never a copy in the worker.
 */
@AnalyzeClasses(packages = "com.trackgeek.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule providersDoNotKnowEachOther = slices()
            .matching("com.trackgeek.sync.provider.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule onlyTheProviderSeamIsUsedOutsideTheProviderPackages = noClasses()
            .that().resideOutsideOfPackage("com.trackgeek.sync.provider..")
            .should().dependOnClassesThat().resideInAPackage("com.trackgeek.sync.provider.*..")
            .because("the worker knows providers only through MetadataProvider");

    @ArchTest
    static final ArchRule providersNeitherStoreNorPublish = noClasses()
            .that().resideInAPackage("com.trackgeek.sync.provider..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.jdbc..", "org.springframework.kafka..", "com.trackgeek.sync.state..",
                    "com.trackgeek.sync.command..", "com.trackgeek.sync.search..", "com.trackgeek.sync.bulk..")
            .because("a provider fetches and maps; storing and announcing is the command's job");

    @ArchTest
    static final ArchRule theWorkerKeepsNoModelOfItsOwn = noClasses()
            .that().resideInAPackage("com.trackgeek.sync..")
            .should().implement(CatalogItem.class)
            .because("a media type's stored shape is defined once, as its catalog record in contracts");

    @ArchTest
    static final ArchRule onlySyncsSearchesAndBulkJobsStoreItems = noClasses()
            .that().resideOutsideOfPackages("com.trackgeek.sync.command..", "com.trackgeek.sync.search..",
                    "com.trackgeek.sync.bulk..")
            .should().dependOnClassesThat().areAssignableTo(MediaItemStore.class)
            .because("an item is stored in the same transaction as its sync's outcome, a search hit in the same"
                    + " transaction as its search's answer, a bulk job's item with the item's outcome");
}
