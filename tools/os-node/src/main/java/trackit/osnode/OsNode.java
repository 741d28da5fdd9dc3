package trackit.osnode;

import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;
import trackit.searchnode.Launcher;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one real OpenSearch node (OpenSearch's server jars from Maven Central) with the Netty4 HTTP/transport
 * plugin, bound to 127.0.0.1 only; a single-node cluster, or one node of several (OS_NODE_SEED_HOSTS ...).
 * The command line, folders, settings and the files a starter reads are {@link Launcher}'s, shared with
 * trackit.esnode.EsNode.
 *
 * <pre>
 * java -cp ... trackit.osnode.OsNode --dir DIR [--port N] [--cluster-name NAME] [--exit-on-stdin-eof]
 * </pre>
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
        Launcher launcher = Launcher.fromArgs("os", "OsNode", args);
        Settings.Builder builder = Settings.builder();
        for (Map.Entry<String, Object> e : launcher.settings("cluster.initial_cluster_manager_nodes").entrySet()) {
            if (e.getValue() instanceof List<?> values) {
                builder.putList(e.getKey(), values.stream().map(String::valueOf).toList());
            } else {
                builder.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        Settings settings = builder
            .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
            .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
            .build();

        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), launcher.configDir(), () -> launcher.nodeName);
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
        launcher.started(closed);
    }
}
