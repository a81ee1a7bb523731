package org.claimscrubber.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 digests: of bytes, and of a set of files (names and contents, in a fixed order). */
public final class ContentHash {

    private ContentHash() {}

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * One digest over several files: each file's path relative to {@code root}, a NUL, its bytes, a
     * NUL. Renaming, editing, adding or removing a file changes it.
     */
    public static String ofFiles(Path root, List<Path> files) throws IOException {
        MessageDigest digest = sha256();
        for (Path file : files) {
            digest.update(relativeName(root, file).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(file));
            digest.update((byte) 0);
        }
        return hex(digest.digest());
    }

    /** A path relative to root, always with '/' (the same on every platform and inside the jar). */
    public static String relativeName(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
