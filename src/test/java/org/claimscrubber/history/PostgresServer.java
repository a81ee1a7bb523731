package org.claimscrubber.history;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.claimscrubber.Prerequisites;

/**
 * A real PostgreSQL server for the history tests, started from the system's binaries ({@code
 * initdb}, {@code pg_ctl}: Debian's postgresql package, which {@code .ci/run} installs) on a free
 * loopback port, with trust authentication, in a folder of its own; stopped when the tests end. As
 * root it runs as the {@code postgres} user, as PostgreSQL requires. Where no server can be started
 * the tests fail saying why, unless {@code CLAIM_SCRUBBER_SKIP_POSTGRES=1} asks to skip them (a
 * developer machine without PostgreSQL); it is never replaced by another database.
 */
final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path root;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path root, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    static PostgresServer start() throws Exception {
        Path bin = findBinaries();
        if (bin == null) {
            unavailable(
                    "no PostgreSQL server binaries (initdb, pg_ctl) on PATH or under /usr/lib/postgresql/*/bin;"
                            + " install Debian's postgresql package (.ci/run does)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && !userExists("postgres")) {
            unavailable("the tests run as root and there is no postgres user to run the server as");
        }
        Path dir = Files.createTempDirectory("claim-scrubber-pg");
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, dir, port, root);
        if (root) {
            server.run(List.of("chown", "postgres", dir.toString()), false);
        }
        server.run(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        server.data.toString(),
                        "-U",
                        "scrubber",
                        "--auth=trust",
                        "-E",
                        "UTF8",
                        "--no-sync"),
                true);
        server.run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        server.data.toString(),
                        "-w",
                        "-l",
                        dir.resolve("server.log").toString(),
                        "-o",
                        "-p "
                                + port
                                + " -k "
                                + dir
                                + " -c listen_addresses=127.0.0.1"
                                + " -c fsync=off",
                        "start"),
                true);
        return server;
    }

    /** A JDBC URL of a fresh database on this server. */
    String newDatabase(String name) throws Exception {
        run(
                List.of(
                        bin.resolve("createdb").toString(),
                        "-h",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(port),
                        "-U",
                        "scrubber",
                        name),
                true);
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=scrubber";
    }

    @Override
    public void close() throws Exception {
        try {
            run(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-m",
                            "immediate",
                            "stop"),
                    true);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private void run(List<String> command, boolean asServerUser)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asServerUser && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static Path findBinaries() throws IOException {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path dir = Path.of(entry);
            if (Files.isExecutable(dir.resolve("initdb"))
                    && Files.isExecutable(dir.resolve("pg_ctl"))
                    && Files.isExecutable(dir.resolve("createdb"))) {
                return dir;
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.naturalOrder())
                        .orElse(null);
            }
        }
        return null;
    }

    private static boolean userExists(String name) throws IOException {
        return Files.readAllLines(Path.of("/etc/passwd")).stream()
                .anyMatch(line -> line.startsWith(name + ":"));
    }

    private static void unavailable(String why) {
        Prerequisites.require(
                false, "a real PostgreSQL server (" + why + ")", Prerequisites.POSTGRES);
    }
}
