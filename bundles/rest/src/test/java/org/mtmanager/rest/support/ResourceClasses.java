package org.mtmanager.rest.support;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.mtmanager.rest.resource.HealthResource;

/**
 * Every resource class this bundle registers, found in its compiled resource package rather than listed, so the
 * document's tests cover a resource as soon as it is written.
 */
final class ResourceClasses {
    private ResourceClasses() {
    }

    static List<Class<?>> all() {
        try (Stream<Path> files = Files.list(Path.of(HealthResource.class.getResource("HealthResource.class").toURI()).getParent())) {
            return files.map(f -> f.getFileName().toString())
                .filter(n -> n.endsWith("Resource.class"))
                .sorted()
                .<Class<?>>map(ResourceClasses::load)
                .filter(RestResource.class::isAssignableFrom)
                .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String file) {
        try {
            return Class.forName(HealthResource.class.getPackageName() + "." + file.substring(0, file.length() - ".class".length()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
