package org.claimscrubber.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.claimscrubber.files.BundledFiles;

/**
 * A folder of the job's own files (seeds, reference code sets) read on the driver and shipped to
 * the workers, which write it to a local folder and load it with the same code as the local run.
 * Messages and findings name its files as the driver's folder does ({@code label}, {@code
 * displayRoot}), so they read the same.
 */
record ShippedFolder(String label, String displayRoot, Map<String, byte[]> files)
        implements Serializable {

    /** Every file under the folder, by its path relative to the folder. */
    static ShippedFolder read(BundledFiles.Located folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path root = folder.path();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path path : paths) {
            files.put(root.relativize(path).toString(), Files.readAllBytes(path));
        }
        return new ShippedFolder(folder.label(), folder.displayRoot(), files);
    }

    /** Writes the files under {@code dir} and returns the folder as the loaders take it. */
    BundledFiles.Located writeTo(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey()).normalize();
            if (!target.startsWith(dir)) {
                throw new IOException("a shipped file escapes its folder: " + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return new BundledFiles.Located(dir, label, displayRoot);
    }
}
