package trackit.searchnode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Elasticsearch and OpenSearch launchers (trackit.esnode.EsNode, trackit.osnode.OsNode) share: the
 * command line, the folders, the node's settings as plain strings (single node or one node of a cluster), the
 * log4j console configuration, the files a starter reads (pid, bound HTTP port) and the stdin watch. No server
 * class is used here: each launcher turns {@link #settings} into its own server's Settings and starts its Node.
 *
 * <pre>
 * java -cp ... MAIN --dir DIR [--port N] [--cluster-name NAME] [--exit-on-stdin-eof]
 * </pre>
 *
 * DIR gets home/, data/, logs/ below it. --port 0 (the default) binds a free port. Once the node is started the
 * process id is written to DIR/KEY.pid and the bound HTTP port to DIR/http.port (each atomically, port last, so a
 * reader that sees http.port can use it). --exit-on-stdin-eof stops the node when standard input is closed, so a
 * node started by a test process dies with it.
 *
 * <p>Several nodes on 127.0.0.1 form one cluster when each is started with the environment variables
 * PREFIX_NAME (unique), PREFIX_TRANSPORT_PORT (its fixed transport port) and PREFIX_SEED_HOSTS (every node's
 * 127.0.0.1:transport port, comma-separated), PREFIX being ES_NODE or OS_NODE; the first cluster's masters are
 * the nodes named in PREFIX_INITIAL_MASTERS. Without PREFIX_SEED_HOSTS the node is a single-node cluster.
 */
public final class Launcher {

    /** "es" or "os": the pid file, log level property and thread names. */
    public final String key;
    public final Path dir;
    public final Path home;
    public final Path data;
    public final Path logs;
    public final String port;
    public final String clusterName;
    public final boolean exitOnStdinEof;
    public final String nodeName;
    private final String envPrefix;

    private Launcher(String key, String main, String[] args) throws IOException {
        this.key = key;
        this.envPrefix = key.toUpperCase(java.util.Locale.ROOT) + "_NODE";
        Path dir = null;
        String port = "0";
        String clusterName = "trackit-test";
        boolean exitOnStdinEof = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = args[++i];
                case "--cluster-name" -> clusterName = args[++i];
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (dir == null) {
            System.err.println("usage: " + main + " --dir DIR [--port N] [--cluster-name NAME] [--exit-on-stdin-eof]");
            System.exit(2);
        }
        this.dir = dir;
        this.home = dir.resolve("home");
        this.data = dir.resolve("data");
        this.logs = dir.resolve("logs");
        this.port = port;
        this.clusterName = clusterName;
        this.exitOnStdinEof = exitOnStdinEof;
        this.nodeName = env("NAME", "trackit-" + key + "-node");
        for (Path p : List.of(home, home.resolve("config"), home.resolve("plugins"), home.resolve("modules"), data, logs)) {
            Files.createDirectories(p);
        }
        Files.deleteIfExists(dir.resolve("http.port"));
        writeLogConfig();
    }

    /** Parses the command line (exits 2 on a bad one), makes the folders and the log4j configuration. */
    public static Launcher fromArgs(String key, String main, String[] args) throws IOException {
        return new Launcher(key, main, args);
    }

    private String env(String name, String fallback) {
        String value = System.getenv(envPrefix + "_" + name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /**
     * The node's settings: a String or a List of String per key (Settings.Builder put / putList).
     * {@code initialMastersSetting} is the server's name for the first cluster's masters
     * (cluster.initial_master_nodes, or OpenSearch's cluster.initial_cluster_manager_nodes).
     */
    public Map<String, Object> settings(String initialMastersSetting) {
        Map<String, Object> s = new LinkedHashMap<>();
        String seedHosts = env("SEED_HOSTS", "");
        if (seedHosts.isEmpty()) {
            s.put("discovery.type", "single-node");
            s.put("transport.port", "0");
        } else {
            String masters = env("INITIAL_MASTERS", "");
            String transportPort = env("TRANSPORT_PORT", "");
            if (masters.isEmpty() || transportPort.isEmpty()) {
                System.err.println(envPrefix + "_SEED_HOSTS needs " + envPrefix + "_INITIAL_MASTERS and "
                    + envPrefix + "_TRANSPORT_PORT");
                System.exit(2);
            }
            s.put("discovery.seed_hosts", List.of(seedHosts.split(",")));
            s.put(initialMastersSetting, List.of(masters.split(",")));
            s.put("transport.port", transportPort);
        }
        s.put("path.home", home.toString());
        s.put("path.data", data.toString());
        s.put("path.logs", logs.toString());
        s.put("cluster.name", clusterName);
        s.put("node.name", nodeName);
        s.put("network.host", "127.0.0.1");
        s.put("http.port", port);
        s.put("node.portsfile", "true");
        s.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        return s;
    }

    public Path configDir() {
        return home.resolve("config");
    }

    private void writeLogConfig() throws IOException {
        Path log4jConfig = configDir().resolve("log4j2.properties");
        if (Files.exists(log4jConfig) == false) {
            writeAtomically(log4jConfig, String.join("\n",
                "status = error",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %m%n",
                "rootLogger.level = " + System.getProperty(key + ".node.log.level", "info"),
                "rootLogger.appenderRef.console.ref = console"));
        }
    }

    /**
     * Once the node is started: writes DIR/KEY.pid, then DIR/http.port, prints KEY_NODE_STARTED and, with
     * --exit-on-stdin-eof, starts watching standard input; then waits until {@code closed} opens.
     */
    public void started(java.util.concurrent.CountDownLatch closed) throws IOException, InterruptedException {
        int bound = readHttpPort(logs.resolve("http.ports"));
        writeAtomically(dir.resolve(key + ".pid"), Long.toString(ProcessHandle.current().pid()));
        writeAtomically(dir.resolve("http.port"), Integer.toString(bound));
        System.out.println(envPrefix + "_STARTED http://127.0.0.1:" + bound);
        System.out.flush();
        if (exitOnStdinEof) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // drain; only EOF matters
                    }
                } catch (IOException ignored) {
                    // treat as EOF
                }
                System.out.println(envPrefix + " stdin closed, stopping");
                System.exit(0);
            }, key + "-node-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        closed.await();
    }

    private static int readHttpPort(Path portsFile) throws IOException {
        // node.portsfile writes lines like "127.0.0.1:9200"
        for (String line : Files.readAllLines(portsFile, StandardCharsets.UTF_8)) {
            line = line.trim();
            int colon = line.lastIndexOf(':');
            if (colon > 0) {
                return Integer.parseInt(line.substring(colon + 1));
            }
        }
        throw new IOException("no port in " + portsFile);
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
