package org.mtmanager.sipedge.kamailio;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mtmanager.spi.sipedge.EdgeException;
import org.mtmanager.spi.sipedge.EdgeSettings;
import org.mtmanager.spi.sipedge.EdgeState;
import org.mtmanager.spi.sipedge.EdgeTable;
import org.mtmanager.spi.sipedge.SipEdgeBackend;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP edge on Kamailio ({@code mtm.sipedge=kamailio}). The backend renders the template into the state directory,
 * runs Kamailio on it and speaks to it over JSON-RPC on the loopback control port. Routes live in the htable {@code
 * did}: a full load writes its db_text file and reloads the htable from it in one call (100,000 routes in about a
 * second), single changes set or delete one key each. The carriers and the load's generation are shared variables.
 * Backend properties: {@code kamailio} (the program), {@code template}, {@code sharedMemoryMb}, {@code
 * privateMemoryMb}.
 */
@Component(service = SipEdgeBackend.class, property = SipEdgeBackend.TYPE_PROPERTY + "=kamailio")
public class KamailioBackend implements SipEdgeBackend {
    private static final Logger LOG = LoggerFactory.getLogger(KamailioBackend.class);
    private static final String CONFIG = "kamailio.cfg";

    private final Map<Integer, JsonRpc> rpcs = new ConcurrentHashMap<>();
    private final Set<Path> started = ConcurrentHashMap.newKeySet();

    @Override
    public String type() {
        return "kamailio";
    }

    @Override
    public List<String> problems(EdgeSettings s) {
        List<String> problems = new ArrayList<>();
        String kamailio = program(s);
        if (locate(kamailio).isEmpty()) {
            problems.add("Kamailio (" + kamailio + ") is not installed: bin/mtm-host-setup installs it (Debian's kamailio package)");
        }
        Path template = EdgeConfig.template(s);
        if (!Files.isReadable(template)) {
            problems.add("the SIP edge's Kamailio template " + template + " is missing: restore it from the distribution");
        }
        return problems;
    }

    @Override
    public synchronized void start(EdgeSettings s) throws EdgeException {
        Path dir = Path.of(s.stateDir());
        Path db = dir.resolve("db");
        String config = EdgeConfig.render(s, db);
        Path file = dir.resolve(CONFIG);
        EdgeProcess process = new EdgeProcess(dir);
        boolean changed;
        try {
            Files.createDirectories(dir);
            DidFile.ensure(db);
            changed = !Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(config);
            if (changed) {
                Files.writeString(file, config, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new EdgeException("the SIP edge's state directory " + dir + " cannot be written: " + e.getMessage());
        }
        if (process.running().isPresent()) {
            if (!changed && answers(s)) {
                started.add(dir);
                return;
            }
            LOG.info("restarting the SIP edge's Kamailio: {}", changed ? "its configuration changed" : "it does not answer");
            process.stop();
        }
        process.start(locate(program(s)).map(Path::toString).orElse(program(s)), file, intProperty(s, "sharedMemoryMb", 256), intProperty(s, "privateMemoryMb", 128), () -> answers(s));
        started.add(dir);
        LOG.info("the SIP edge's Kamailio runs: {}", String.join(", ", EdgeConfig.listen(s)));
    }

    @Override
    public synchronized void stop(EdgeSettings s) {
        Path dir = Path.of(s.stateDir());
        new EdgeProcess(dir).stop();
        started.remove(dir);
    }

    /** The backend's bundle goes: so do the edges it started. */
    @Deactivate
    void deactivate() {
        started.forEach(dir -> new EdgeProcess(dir).stop());
        started.clear();
    }

    @Override
    public void load(EdgeSettings s, EdgeTable table) throws EdgeException {
        try {
            DidFile.write(Path.of(s.stateDir()).resolve("db"), table.routes());
        } catch (IOException e) {
            throw new EdgeException("the SIP edge's table cannot be written: " + e.getMessage());
        }
        JsonRpc rpc = rpc(s);
        rpc.call("htable.reload", DidFile.TABLE);
        carriers(s, table.carriers());
        // Last: an edge whose load stopped half-way still reports the old generation, and is loaded again.
        rpc.call("pv.shvSet", "generation", "str", table.generation());
    }

    @Override
    public void put(EdgeSettings s, Map<String, String> routes) throws EdgeException {
        JsonRpc rpc = rpc(s);
        for (Map.Entry<String, String> r : routes.entrySet()) {
            rpc.call("htable.sets", DidFile.TABLE, r.getKey(), r.getValue());
        }
    }

    @Override
    public void remove(EdgeSettings s, Collection<String> prefixes) throws EdgeException {
        JsonRpc rpc = rpc(s);
        for (String prefix : prefixes) {
            try {
                rpc.call("htable.delete", DidFile.TABLE, prefix);
            } catch (JsonRpc.Unreachable e) {
                throw e;
            } catch (EdgeException e) {
                if (!e.getMessage().contains("not found")) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void carriers(EdgeSettings s, List<String> sources) throws EdgeException {
        rpc(s).call("pv.shvSet", "carriers", "str", sources.isEmpty() ? EdgeConfig.NOBODY : String.join(",", sources));
    }

    @Override
    public EdgeState state(EdgeSettings s) {
        JsonRpc rpc = rpc(s);
        try {
            String generation = shv(rpc, "generation");
            String carriers = shv(rpc, "carriers");
            long routes = 0;
            if (rpc.call("htable.stats") instanceof List<?> tables) {
                for (Object t : tables) {
                    if (t instanceof Map<?, ?> m && DidFile.TABLE.equals(m.get("name")) && m.get("all") instanceof Number n) {
                        routes = n.longValue();
                    }
                }
            }
            List<String> admitted = carriers.isEmpty() || carriers.equals(EdgeConfig.NOBODY) ? List.of() : List.of(carriers.split(","));
            return new EdgeState(true, generation, routes, admitted, "");
        } catch (EdgeException e) {
            String log = new EdgeProcess(Path.of(s.stateDir())).lastLines();
            return EdgeState.down(e.getMessage() + (log.isEmpty() ? "" : "; its log says: " + log));
        }
    }

    private boolean answers(EdgeSettings s) {
        try {
            rpc(s).call("core.version");
            return true;
        } catch (EdgeException e) {
            return false;
        }
    }

    private static String shv(JsonRpc rpc, String name) throws EdgeException {
        Object result = rpc.call("pv.shvGet", name);
        if (result instanceof Map<?, ?> m && m.get("value") != null) {
            return String.valueOf(m.get("value"));
        }
        return "";
    }

    private JsonRpc rpc(EdgeSettings s) {
        return rpcs.computeIfAbsent(s.controlPort(), JsonRpc::new);
    }

    private static String program(EdgeSettings s) {
        return s.properties().getOrDefault("kamailio", "kamailio");
    }

    private static int intProperty(EdgeSettings s, String key, int fallback) {
        try {
            return Integer.parseInt(s.properties().getOrDefault(key, Integer.toString(fallback)).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The program's path: as given when it has a folder, else found on the PATH or in /usr/sbin. */
    private static Optional<Path> locate(String program) {
        if (program.contains(File.separator)) {
            return Optional.of(Path.of(program)).filter(Files::isExecutable);
        }
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/sbin"); // Karaf's service environment may lack the system directories
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }
}
