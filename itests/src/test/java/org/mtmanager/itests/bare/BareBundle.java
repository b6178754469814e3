package org.mtmanager.itests.bare;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the bare endpoint's bundle (this package's {@link BareActivator} and {@link BareResource}, compiled with the
 * tests) as a jar, to be dropped into a distribution's {@code deploy/} folder.
 */
public final class BareBundle {
    private static final List<Class<?>> CLASSES = List.of(BareActivator.class, BareResource.class);

    private BareBundle() {
    }

    public static Path write(Path jar) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.mtmanager.itests.bare");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", BareActivator.class.getName());
        a.putValue("Import-Package", "org.osgi.framework,org.apache.cxf,org.apache.cxf.endpoint,org.apache.cxf.jaxrs,"
            + "javax.ws.rs;version=\"[2.0,3)\",javax.ws.rs.core;version=\"[2.0,3)\"");
        // What CXF loads through the context class loader while it builds the server (its providers and the like).
        a.putValue("DynamicImport-Package", "*");
        // Written beside the deploy folder and moved in, so that the deployer never reads half a jar.
        Path tmp = jar.getParent().resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out, mf)) {
            for (Class<?> c : CLASSES) {
                String entry = c.getName().replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(j);
                }
                j.closeEntry();
            }
        }
        return Files.move(tmp, jar);
    }
}
