package trackit.esnode;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import trackit.searchnode.Launcher;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one real Elasticsearch node (Elastic's server jars from Maven Central) with the Netty4 HTTP/transport
 * plugin, bound to 127.0.0.1 only; a single-node cluster, or one node of several (ES_NODE_SEED_HOSTS ...).
 * The command line, folders, settings and the files a starter reads are {@link Launcher}'s, shared with
 * trackit.osnode.OsNode.
 *
 * <pre>
 * java -cp ... trackit.esnode.EsNode --dir DIR [--port N] [--cluster-name NAME] [--exit-on-stdin-eof]
 * </pre>
 */
public final class EsNode {

    public static void main(String[] args) throws Exception {
        Launcher launcher = Launcher.fromArgs("es", "EsNode", args);
        Settings.Builder builder = Settings.builder();
        for (Map.Entry<String, Object> e : launcher.settings("cluster.initial_master_nodes").entrySet()) {
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
        launcher.started(closed);
    }
}
