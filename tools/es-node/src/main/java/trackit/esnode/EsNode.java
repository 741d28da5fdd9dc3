package trackit.esnode;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one real Elasticsearch node (Elastic's server jars from Maven Central) with the Netty4 HTTP/transport
 * plugin, bound to 127.0.0.1 only.
 *
 * <pre>
 * java -cp ... trackit.esnode.EsNode --dir DIR [--port N] [--cluster-name NAME] [--exit-on-stdin-eof]
 * </pre>
 *
 * DIR gets home/, data/, logs/ below it. --port 0 (the default) binds a free port. Once the node is started the
 * bound HTTP port is written to DIR/http.port and the process id to DIR/es.pid (both written atomically, port
 * last, so a reader that sees http.port can use it). --exit-on-stdin-eof stops the node when standard input is
 * closed, so a node started by a test process dies with it.
 *
 * <p>Several nodes on 127.0.0.1 form one cluster when each is started with the environment variables
 * ES_NODE_NAME (unique), ES_NODE_TRANSPORT_PORT (its fixed transport port) and ES_NODE_SEED_HOSTS (every node's
 * 127.0.0.1:transport port, comma-separated); the first cluster's masters are the nodes named in
 * ES_NODE_INITIAL_MASTERS. Without ES_NODE_SEED_HOSTS the node is a single-node cluster.
 */
public final class EsNode {

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
            System.err.println("usage: EsNode --dir DIR [--port N] [--cluster-name NAME] [--exit-on-stdin-eof]");
            System.exit(2);
        }
        Path home = dir.resolve("home");
        Path data = dir.resolve("data");
        Path logs = dir.resolve("logs");
        for (Path p : List.of(home, home.resolve("config"), home.resolve("plugins"), home.resolve("modules"), data, logs)) {
            Files.createDirectories(p);
        }
        Files.deleteIfExists(dir.resolve("http.port"));

        String seedHosts = System.getenv().getOrDefault("ES_NODE_SEED_HOSTS", "");
        String nodeName = System.getenv().getOrDefault("ES_NODE_NAME", "trackit-es-node");
        Settings.Builder builder = Settings.builder();
        if (seedHosts.isEmpty()) {
            builder.put("discovery.type", "single-node").put("transport.port", "0");
        } else {
            builder.putList("discovery.seed_hosts", List.of(seedHosts.split(",")))
                .putList("cluster.initial_master_nodes", List.of(System.getenv("ES_NODE_INITIAL_MASTERS").split(",")))
                .put("transport.port", System.getenv("ES_NODE_TRANSPORT_PORT"));
        }
        Settings settings = builder
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("path.logs", logs.toString())
            .put("cluster.name", clusterName)
            .put("node.name", nodeName)
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
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
                "rootLogger.level = " + System.getProperty("es.node.log.level", "info"),
                "rootLogger.appenderRef.console.ref = console"));
        }
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), home.resolve("config"), () -> nodeName);
        LogConfigurator.configure(environment, true);

        List<Class<? extends Plugin>> plugins = List.of(Netty4Plugin.class, RootEndpointPlugin.class);
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
        }, "es-node-shutdown"));
        node.start();

        int bound = readHttpPort(logs.resolve("http.ports"));
        writeAtomically(dir.resolve("es.pid"), Long.toString(ProcessHandle.current().pid()));
        writeAtomically(dir.resolve("http.port"), Integer.toString(bound));
        System.out.println("ES_NODE_STARTED http://127.0.0.1:" + bound);
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
                System.out.println("ES_NODE stdin closed, stopping");
                System.exit(0);
            }, "es-node-stdin-watch");
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
