package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

/** The app logs through one SLF4J provider, in its tests as in its jar, so SLF4J never warns of several. */
class LoggingTest {

    @Test
    void theAppHasOneLoggingProvider() {
        List<String> providers = ServiceLoader.load(SLF4JServiceProvider.class).stream()
                .map(provider -> provider.type().getName()).toList();
        assertEquals(List.of("org.slf4j.simple.SimpleServiceProvider"), providers);
    }
}
