package org.assure.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assure channel …}: data channels between devices of the management server (draft §13) and the
 * topologies of §4.3. The commands check that every device is one of the management server's, plan the pairs,
 * and print the plan. They do not push anything yet: the authority bundle's §13 key issuance (its
 * {@code ChannelPlanner}) and the push over management channels are not part of its exported API, so the tool
 * cannot reach them. They therefore end with {@link #EXIT_NOT_APPLIED} and say so, rather than pretend.
 */
@Command(name = "channel", synopsisSubcommandLabel = "COMMAND",
        description = {"Plan data channels between devices of the management server (draft §13, §4.3).",
                "Not applied yet: the authority offers no API to issue the keys and push them (exit code 3)."},
        subcommands = {ChannelCommand.Create.class, ChannelCommand.TopologyCommand.class})
final class ChannelCommand implements Callable<Integer> {
    /** The plan was printed, nothing was pushed. */
    static final int EXIT_NOT_APPLIED = 3;
    static final String NOT_APPLIED = "not pushed: the authority has no API yet to issue channel keys (§13) and push "
            + "them over the devices' management channels; nothing was changed";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** The §4.3 topologies, as the authority's planner defines their pairs (devices in the order given). */
    enum Topology {
        /** §4.3.1: the first device is the hub. */
        star,
        /** §4.3.2: each device to the next, the last to the first. */
        ring,
        /** §4.3.3: a binary tree in the order given, each device to its parent. */
        tree,
        /** §4.3.4: every device to every other. */
        full;

        List<int[]> pairs(int n) {
            List<int[]> pairs = new ArrayList<>();
            switch (this) {
                case star -> {
                    for (int i = 1; i < n; i++) {
                        pairs.add(new int[] {0, i});
                    }
                }
                case ring -> {
                    for (int i = 0; i + 1 < n; i++) {
                        pairs.add(new int[] {i, i + 1});
                    }
                    if (n > 2) {
                        pairs.add(new int[] {n - 1, 0});
                    }
                }
                case tree -> {
                    for (int i = 1; i < n; i++) {
                        pairs.add(new int[] {(i - 1) / 2, i});
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        for (int j = i + 1; j < n; j++) {
                            pairs.add(new int[] {i, j});
                        }
                    }
                }
            }
            return pairs;
        }
    }

    /** Checks the devices with the management server and prints the plan. */
    static int plan(CommandSpec spec, DeviceCommand.Connection connection, String topology, List<UUID> devices,
            List<int[]> pairs) {
        if (new HashSet<>(devices).size() != devices.size()) {
            throw new CliException("a device is named twice");
        }
        HttpsClient server = connection.client();
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < devices.size(); i++) {
            UUID device = devices.get(i);
            server.send("GET", "/v1/devices/" + device + "/status", null, null, 200, Map.of(
                    401, device + " is not a device of this management server (register it with 'assure device register')"));
            if (devices.size() > 8) {
                err.println("checked " + (i + 1) + "/" + devices.size());
                err.flush();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (connection.json()) {
            List<Object> channels = new ArrayList<>();
            for (int[] pair : pairs) {
                channels.add(Map.of("a", devices.get(pair[0]).toString(), "b", devices.get(pair[1]).toString()));
            }
            Map<String, Object> json = Json.object();
            json.put("topology", topology);
            json.put("devices", devices.stream().map(UUID::toString).toList());
            json.put("channels", channels);
            json.put("pushed", false);
            json.put("reason", NOT_APPLIED);
            out.print(Json.write(json));
        } else {
            out.println(topology + " over " + devices.size() + " devices: " + pairs.size() + " channel"
                    + (pairs.size() == 1 ? "" : "s") + " planned");
            for (int[] pair : pairs) {
                out.println("  " + devices.get(pair[0]) + " <-> " + devices.get(pair[1]));
            }
        }
        out.flush();
        err.println("error: " + NOT_APPLIED);
        err.flush();
        return EXIT_NOT_APPLIED;
    }

    /** {@code assure channel create A B}. */
    @Command(name = "create",
            description = {"Plan a data channel between two devices of the management server (draft §13): EC-EC and",
                    "RSA-RSA use the device keys, EC-RSA an issued key, shared-secret devices a derived channel key.",
                    "Prints the plan; pushing is not available yet (exit code 3)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"2:bad input or a device the management server does not manage",
                    "3:planned, not pushed (the authority cannot issue and push channels yet)"})
    static final class Create implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DeviceCommand.Connection connection;

        @Parameters(index = "0", paramLabel = "A", description = "One device.")
        private UUID a;

        @Parameters(index = "1", paramLabel = "B", description = "The other device.")
        private UUID b;

        @Override
        public Integer call() {
            return plan(spec, connection, "pair", List.of(a, b), List.of(new int[] {0, 1}));
        }
    }

    /** {@code assure channel topology star|ring|tree|full DEVICES...}. */
    @Command(name = "topology",
            description = {"Plan the channels of a §4.3 topology over devices of the management server, in the",
                    "order given: star (first is the hub), ring, tree (binary, in order), full. Prints the plan;",
                    "pushing is not available yet (exit code 3)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"2:bad input or a device the management server does not manage",
                    "3:planned, not pushed (the authority cannot issue and push channels yet)"})
    static final class TopologyCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DeviceCommand.Connection connection;

        @Parameters(index = "0", paramLabel = "KIND", description = "star, ring, tree or full.")
        private Topology kind;

        @Parameters(index = "1..*", arity = "2..*", paramLabel = "DEVICE", description = "Two or more device UUIDs.")
        private List<UUID> devices;

        @Override
        public Integer call() {
            return plan(spec, connection, kind.name(), List.copyOf(devices), kind.pairs(devices.size()));
        }
    }
}
