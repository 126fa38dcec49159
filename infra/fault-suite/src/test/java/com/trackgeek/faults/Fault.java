package com.trackgeek.faults;

/**
 * What a scenario does to the stack under load ({@link FaultUnderLoad}), and what it checks beyond the ledger.
 */
interface Fault {

    /** The scenario's line in the report. */
    String name();

    /** The fault, and what an orchestrator does about it at once (e.g. start a killed service again); returns when the fault has ended. */
    void inject(FaultStack stack);

    /** Whether the stack serves again as far as this fault is concerned (e.g. a service started again at once answers). */
    default boolean servesAgain(FaultStack stack) {
        return true;
    }

    /** Once the work accepted around the fault is answered: what is left to make the stack whole (e.g. start a killed replica again). */
    default void afterRecovery(FaultStack stack) {
    }

    /** Provider calls beyond one per movie the fault may cause: what was in hand when it struck. */
    default int mostFetchedAgain() {
        return 0;
    }

    /** Checks of the scenario's own, after the ledger's. */
    default void verify(FaultStack stack) {
    }
}
