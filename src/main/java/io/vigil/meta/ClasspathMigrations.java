package io.vigil.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the {@code V<n>__<name>.sql} scripts under a classpath folder, from a directory or from the jar. */
final class ClasspathMigrations {
    static final String DEFAULT_FOLDER = "db/migration";

    private ClasspathMigrations() {
    }

    static List<Migration> load(String folder) {
        URL url = ClasspathMigrations.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no migration folder '" + folder + "' on the classpath");
        }
        try {
            List<String> names = switch (url.getProtocol()) {
                case "file" -> namesInDirectory(Path.of(url.toURI()));
                case "jar" -> namesInJar(url, folder);
                default -> throw new IllegalStateException("cannot list migrations from " + url);
            };
            List<Migration> migrations = new ArrayList<>();
            for (String name : names) {
                migrations.add(Migration.fromFile(name, read(folder + "/" + name)));
            }
            migrations.sort(Comparator.comparingInt(Migration::version));
            return migrations;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migrations from " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad migration folder URL " + url, e);
        }
    }

    private static List<String> namesInDirectory(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(Migration::isMigrationFileName).toList();
        }
    }

    private static List<String> namesInJar(URL url, String folder) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        List<String> names = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(folder + "/")) {
                    String name = entry.substring(folder.length() + 1);
                    if (Migration.isMigrationFileName(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ClasspathMigrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("migration resource " + resource + " vanished while reading");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
