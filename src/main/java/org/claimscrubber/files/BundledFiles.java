package org.claimscrubber.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The rules and seeds the jar carries (copied from the repository's rules/ and seeds/ at build
 * time), so that the scrubber runs from any directory.
 */
public final class BundledFiles {

    private BundledFiles() {}

    /** Where a bundled folder is: "rules" or "seeds". */
    public static Path directory(String name) {
        URL url = BundledFiles.class.getResource("/bundled/" + name);
        if (url == null) {
            throw new IllegalStateException(
                    "the build did not bundle " + name + "/ (resource /bundled/" + name + ")");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            return jarFileSystem(uri).provider().getPath(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(
                    "bundled " + name + " has an unusable location: " + url, e);
        }
    }

    private static synchronized FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the jar's bundled files", e);
        }
    }

    /**
     * The folder a command uses when none is given: {@code ./name} when the working directory has
     * one (an analyst editing rules/ in a checkout sees the edit at once), otherwise the bundled
     * copy.
     */
    public static Located defaultDirectory(String name) {
        Path local = Path.of(name);
        if (Files.isDirectory(local)) {
            return new Located(local, name + " (working directory)", name);
        }
        return new Located(
                directory(name), "bundled " + name + " (inside the jar)", "bundled:" + name);
    }

    /**
     * A folder, how reports name it ({@code label}) and the prefix that names files in it ({@code
     * displayRoot}, e.g. {@code rules} in {@code rules/modifiers.drl:12:5}).
     */
    public record Located(Path path, String label, String displayRoot) {
        public static Located given(Path path) {
            String shown = path.toString();
            return new Located(
                    path,
                    shown,
                    shown.endsWith("/") ? shown.substring(0, shown.length() - 1) : shown);
        }

        /** How messages name a file inside the folder. */
        public String display(String relativeName) {
            return displayRoot + "/" + relativeName;
        }
    }
}
