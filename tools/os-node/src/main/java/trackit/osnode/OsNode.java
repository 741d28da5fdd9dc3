package trackit.osnode;

import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one real OpenSearch node (OpenSearch's server jars from Maven Central) with the Netty4 HTTP/transport
 * plugin, bound to 127.0.0.1 only.
 *
 * <pre>
 * java -cp ... trackit.osnode.OsNode --dir DIR [--port N] [--cluster-name NAME] [--exit-on-stdin-eof]
 * </pre>
 *
 * DIR gets home/, data/, logs/ below it. --port 0 (the default) binds a free port. Once the node is started the
 * process id is written to DIR/os.pid and the bound HTTP port to DIR/http.port (each atomically, port last, so a
 * reader that sees http.port can use it). --exit-on-stdin-eof stops the node when standard input is closed, so a
 * node started by a test process dies with it.
 */
public final class OsNode {

    /**
     * A production {@link Node} whose plugins are classes on the class path rather than bundles under modules/ and
     * plugins/. OpenSearch keeps the constructor that takes them (the one its test framework's MockNode calls)
     * protected, so a subclass is all it takes; every service is the production one.
     */
    static final class ClasspathPluginsNode extends Node {
        ClasspathPluginsNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
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
            System.err.println("usage: OsNode --dir DIR [--port N] [--cluster-name NAME] [--exit-on-stdin-eof]");
            System.exit(2);
        }
        Path home = dir.resolve("home");
        Path data = dir.resolve("data");
        Path logs = dir.resolve("logs");
        for (Path p : List.of(home, home.resolve("config"), home.resolve("plugins"), home.resolve("modules"), data, logs)) {
            Files.createDirectories(p);
        }
        Files.deleteIfExists(dir.resolve("http.port"));

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("path.logs", logs.toString())
            .put("cluster.name", clusterName)
            .put("node.name", "trackit-os-node")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("transport.port", "0")
            .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
            .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
            .put("node.portsfile", true)
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        Path log4jConfig = home.resolve("config").resolve("log4j2.properties");
        if (Files.exists(log4jConfig) == false) {
            writeAtomically(log4jConfig, String.join("\n",
                "status = error",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %m%n",
                "rootLogger.level = " + System.getProperty("os.node.log.level", "info"),
                "rootLogger.appenderRef.console.ref = console"));
        }
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), home.resolve("config"), () -> "trackit-os-node");
        LogConfigurator.configure(environment);

        List<Class<? extends Plugin>> plugins = List.of(Netty4Plugin.class);
        Node node = new ClasspathPluginsNode(environment, plugins);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "os-node-shutdown"));
        node.start();

        int bound = readHttpPort(logs.resolve("http.ports"));
        writeAtomically(dir.resolve("os.pid"), Long.toString(ProcessHandle.current().pid()));
        writeAtomically(dir.resolve("http.port"), Integer.toString(bound));
        System.out.println("OS_NODE_STARTED http://127.0.0.1:" + bound);
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
                System.out.println("OS_NODE stdin closed, stopping");
                System.exit(0);
            }, "os-node-stdin-watch");
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
