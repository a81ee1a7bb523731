package org.claimscrubber.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimscrubber.files.ContentHash;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rules kept between runs: compiling the DRL takes over a second, loading it compiled
 * about half a second, and a nightly batch runs the same rules night after night. An entry's key is
 * the SHA-256 of the rule files together with the identity of the running jar (path, size, time),
 * so an edited rule or a rebuilt scrubber never meets a stale entry. Only successful compiles are
 * stored; an entry that cannot be read is ignored and replaced. Entries live in {@code
 * $XDG_CACHE_HOME/claim-scrubber} (or {@code ~/.cache/claim-scrubber}); they are the user's own
 * files, read by the user's own scrubber.
 */
public final class RuleCache {

    /**
     * What is stored: the compiled packages, the rule catalogue read from the metadata, and whether
     * any rule may change the facts (which rules out sequential mode).
     */
    record Entry(List<KiePackage> packages, List<RuleMetadata> catalogue, boolean changesFacts)
            implements Serializable {}

    /**
     * Entries kept: one per rules version a user runs; older ones are evicted (least recently
     * written first).
     */
    static final int MAX_ENTRIES = 16;

    /**
     * Only the classes a compiled rule base is made of may be read back: a file planted in the
     * cache cannot make the scrubber build arbitrary objects (Java deserialisation).
     */
    static final ObjectInputFilter ONLY_RULE_CLASSES =
            ObjectInputFilter.Config.createFilter(
                    "maxdepth=200;java.base/*;org.drools.**;org.kie.**;org.mvel2.**;org.antlr.**;org.claimscrubber.**;"
                            + "scrubber.**;!*");

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final Path dir;
    private final String codeIdentity;

    private RuleCache(Path dir, String codeIdentity) {
        this.dir = dir;
        this.codeIdentity = codeIdentity;
    }

    /** No caching (tests, `rules check`, --no-rules-cache). */
    public static RuleCache off() {
        return new RuleCache(null, null);
    }

    /** The user's cache folder, when the scrubber runs from its jar; off otherwise. */
    public static RuleCache standard() {
        Optional<String> jar = runningJar();
        if (jar.isEmpty()) {
            return off();
        }
        String base = System.getenv("XDG_CACHE_HOME");
        Path root =
                base != null && !base.isBlank()
                        ? Path.of(base)
                        : Path.of(System.getProperty("user.home"), ".cache");
        return new RuleCache(root.resolve("claim-scrubber"), jar.get());
    }

    boolean enabled() {
        return dir != null;
    }

    Optional<Entry> load(RuleSet rules) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = fileFor(rules);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (ObjectInputStream in =
                new DroolsObjectInputStream(
                        new BufferedInputStream(Files.newInputStream(file)),
                        RuleCache.class.getClassLoader())) {
            in.setObjectInputFilter(ONLY_RULE_CLASSES);
            return Optional.of((Entry) in.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException | LinkageError e) {
            return Optional
                    .empty(); // unreadable or from another build: compile afresh and replace it
        }
    }

    void store(RuleSet rules, Entry entry) {
        if (!enabled()) {
            return;
        }
        Path file = fileFor(rules);
        Path partial = null;
        try {
            Files.createDirectories(dir);
            partial = Files.createTempFile(dir, "rules", ".partial");
            try (ObjectOutputStream out =
                    new DroolsObjectOutputStream(
                            new BufferedOutputStream(Files.newOutputStream(partial)))) {
                out.writeObject(
                        new Entry(
                                new ArrayList<>(entry.packages()),
                                new ArrayList<>(entry.catalogue()),
                                entry.changesFacts()));
            }
            Files.move(
                    partial,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            evictOldEntries();
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written only costs the next run a compile, but the user should
            // know once.
            if (WARNED.compareAndSet(false, true)) {
                System.err.println(
                        "warning: the rules cache in "
                                + dir
                                + " cannot be written ("
                                + e.getClass().getSimpleName()
                                + "); each run compiles the rules (use --no-rules-cache to silence this)");
            }
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // nothing more to do: the warning has been given
                }
            }
        }
    }

    /** Keeps the {@link #MAX_ENTRIES} most recently written entries. */
    private void evictOldEntries() throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> entries =
                    files.filter(f -> f.getFileName().toString().endsWith(".rules"))
                            .sorted(
                                    Comparator.comparing(
                                                    (Path f) -> {
                                                        try {
                                                            return Files.getLastModifiedTime(f);
                                                        } catch (IOException e) {
                                                            return FileTime.fromMillis(0);
                                                        }
                                                    })
                                            .reversed())
                            .toList();
            for (Path old :
                    entries.subList(Math.min(MAX_ENTRIES, entries.size()), entries.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private Path fileFor(RuleSet rules) {
        MessageDigest digest = ContentHash.sha256();
        digest.update(rules.hash().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(codeIdentity.getBytes(StandardCharsets.UTF_8));
        return dir.resolve(ContentHash.hex(digest.digest()) + ".rules");
    }

    private static Optional<String> runningJar() {
        try {
            Path code =
                    Path.of(
                            RuleCache.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            if (!Files.isRegularFile(code)) {
                return Optional.empty();
            }
            return Optional.of(
                    code.toAbsolutePath()
                            + "|"
                            + Files.size(code)
                            + "|"
                            + Files.getLastModifiedTime(code)
                            + "|"
                            + System.getProperty("java.version"));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
