package org.claimscrubber.history;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The secret a history hashes patient ids with: 32 random bytes in a file only its owner can read,
 * created on first use. Whoever holds the history without the key cannot tell which patient a row
 * is about; keep the key out of the database's backups. Runs that share a history (several machines
 * on one PostgreSQL) must share the key file.
 */
final class HistoryKey {

    private static final int BYTES = 32;

    private HistoryKey() {}

    static byte[] loadOrCreate(Path file) throws HistoryException {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[BYTES];
                new SecureRandom().nextBytes(key);
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.createFile(
                            file,
                            PosixFilePermissions.asFileAttribute(
                                    PosixFilePermissions.fromString("rw-------")));
                    Files.write(file, key);
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another run created it first: read theirs
                }
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != BYTES) {
                throw new HistoryException(
                        "the history key "
                                + file
                                + " is not a key this scrubber wrote ("
                                + key.length
                                + " bytes, not "
                                + BYTES
                                + "); restore it from where you keep it, or give --history-key");
            }
            return key;
        } catch (IOException e) {
            throw new HistoryException(
                    "the history key "
                            + file
                            + " cannot be read or created: "
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        }
    }
}
