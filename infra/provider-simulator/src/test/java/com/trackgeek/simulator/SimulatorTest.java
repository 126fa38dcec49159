package com.trackgeek.simulator;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The simulator started through its own main method (so through {@code provider-simulator.yml}),
 * reading the shared fixtures, on a hand-moved clock, rate limits off unless a test turns them on
 * with {@code @TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(useMainMethod = SpringBootTest.UseMainMethod.ALWAYS, properties = {
        "simulator.fixtures-dir=${trackgeek.fixtures}",
        "simulator.jikan.rate-limit.enabled=false"})
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
public @interface SimulatorTest {
}
