package com.trackgeek.embedding;

import com.trackgeek.embedding.model.TextEmbeddingModel;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Lets a test make the model fail on chosen texts (those containing {@link #MARKER}) while every other text
 * is embedded by the real model, and see which texts the model was given (a skipped text never reaches it).
 * Part of the one shared test context, so it costs no second worker.
 */
@TestConfiguration(proxyBeanMethods = false)
class UnembeddableTexts {

    static final String MARKER = "#unembeddable#";

    private static final Queue<String> GIVEN = new ConcurrentLinkedQueue<>();

    /** How many texts containing {@code fragment} the model was given, in every call so far. */
    static long timesGiven(String fragment) {
        return GIVEN.stream().filter(text -> text.contains(fragment)).count();
    }

    @Bean
    static BeanPostProcessor failOnMarkedTexts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof TextEmbeddingModel model ? new FailingOnMarker(model) : bean;
            }
        };
    }

    private record FailingOnMarker(TextEmbeddingModel delegate) implements TextEmbeddingModel, AutoCloseable {

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public int dimensions() {
            return delegate.dimensions();
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            GIVEN.addAll(texts);
            if (texts.stream().anyMatch(text -> text.contains(MARKER))) {
                throw new IllegalArgumentException("test model refuses marked text");
            }
            return delegate.embedAll(texts);
        }

        @Override
        public void close() throws Exception {
            if (delegate instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
