package org.mtmanager.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.mtmanager.itests.driver.TestDriver;
import org.mtmanager.itests.driver.TestDriverActivator;

/**
 * The test-only driver bundle (package {@code org.mtmanager.itests.driver}), packed from this module's compiled test
 * classes into an OSGi bundle for a test's own copy of the distribution ({@link Distribution#deploy}). It is never
 * part of the shipped distribution.
 */
final class TestDriverBundle {
    static final String NAME = "mtm-itests-test-driver";

    private TestDriverBundle() {
    }

    /** Writes the bundle into {@code dir} and returns its path. */
    static Path write(Path dir) throws IOException {
        Path classes;
        try {
            classes = Path.of(TestDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot find the test classes", e);
        }
        String pkg = TestDriver.class.getPackageName().replace('.', '/');
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", NAME);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", TestDriverActivator.class.getName());
        main.putValue("Import-Package", "org.mtmanager.spi.hypervisor,org.osgi.framework,org.osgi.util.tracker");
        Path jar = Files.createDirectories(dir).resolve(NAME + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest);
             var files = Files.list(classes.resolve(pkg))) {
            for (Path c : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                j.putNextEntry(new JarEntry(pkg + "/" + c.getFileName()));
                j.write(Files.readAllBytes(c));
                j.closeEntry();
            }
        }
        return jar;
    }
}
