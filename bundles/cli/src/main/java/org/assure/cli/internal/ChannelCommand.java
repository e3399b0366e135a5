package org.assure.cli.internal;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * topologies of §4.3. The management server plans the pairs, issues the keys §13 prescribes and pushes them to
 * each device's management port ({@code POST /v1/channels} of its Registration API, an aSSURE extension); the
 * command prints what each channel and device answered. The pair rules live only in the authority.
 */
@Command(name = "channel", synopsisSubcommandLabel = "COMMAND",
        description = "Issue data channels between devices of the management server and push them (draft §13, §4.3).",
        subcommands = {ChannelCommand.Create.class, ChannelCommand.TopologyCommand.class})
final class ChannelCommand implements Callable<Integer> {
    /** Some device could not be planned for or did not accept every request; stderr names each. */
    static final int EXIT_NOT_COMPLETE = 4;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** The §4.3 topologies, by the names the management server's API takes. */
    enum Topology {
        /** §4.3.1: the first device is the hub. */
        star,
        /** §4.3.2: each device to the next, the last to the first. */
        ring,
        /** §4.3.3: a binary tree in the order given, each device to its parent. */
        tree,
        /** §4.3.4: every device to every other. */
        full
    }

    /** Asks the management server to issue and push the channels, prints the outcome. */
    static int issue(CommandSpec spec, DeviceCommand.Connection connection, Topology topology, List<UUID> devices) {
        if (new HashSet<>(devices).size() != devices.size()) {
            throw new CliException("a device is named twice");
        }
        StringBuilder query = new StringBuilder("/v1/channels?topology=" + topology.name() + "&devices=");
        for (int i = 0; i < devices.size(); i++) {
            query.append(i == 0 ? "" : ",").append(URLEncoder.encode(devices.get(i).toString(), StandardCharsets.UTF_8));
        }
        HttpsClient.Answer answer = connection.client().send("POST", query.toString(), null, null, 200, Map.of());
        Map<String, Object> result = Json.parseObject(answer.text(), "the management server's answer");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<?> channels = result.get("channels") instanceof List<?> l ? l : List.of();
        Map<?, ?> errors = result.get("errors") instanceof Map<?, ?> m ? m : Map.of();
        boolean complete = Boolean.TRUE.equals(result.get("complete"));
        if (connection.json()) {
            out.print(Json.write(result));
        } else {
            out.println(topology.name() + " over " + devices.size() + " devices: " + channels.size() + " channel"
                    + (channels.size() == 1 ? "" : "s") + (complete ? " pushed" : ""));
            for (Object o : channels) {
                Map<?, ?> c = (Map<?, ?>) o;
                List<String> codes = new ArrayList<>();
                for (Object r : (List<?>) c.get("requests")) {
                    Object code = ((Map<?, ?>) r).get("code");
                    codes.add(code == null ? "not sent" : code.toString());
                }
                out.println("  " + c.get("a") + " <-> " + c.get("b") + " " + c.get("case") + " " + codes);
            }
        }
        out.flush();
        for (Map.Entry<?, ?> e : errors.entrySet()) {
            err.println("error: " + e.getKey() + ": " + e.getValue());
        }
        if (!complete && errors.isEmpty()) {
            err.println("error: not every request was accepted");
        }
        err.flush();
        return complete ? 0 : EXIT_NOT_COMPLETE;
    }

    /** {@code assure channel create A B}. */
    @Command(name = "create",
            description = {"Issue a data channel between two devices of the management server and push it (draft",
                    "§13): EC-EC and RSA-RSA use the device keys, EC-RSA an issued key, shared-secret devices a",
                    "derived channel key. Both devices must have reported presence."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:pushed, both devices accepted every request",
                    "2:bad input or the management server unreachable",
                    "4:a device was not ready (e.g. no presence yet) or refused; stderr names each"})
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
            return issue(spec, connection, Topology.star, List.of(a, b));
        }
    }

    /** {@code assure channel topology star|ring|tree|full DEVICES...}. */
    @Command(name = "topology",
            description = {"Issue and push the channels of a §4.3 topology over devices of the management server, in",
                    "the order given: star (first is the hub), ring, tree (binary, in order), full. Nothing is",
                    "pushed unless every device has reported presence."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:pushed, every device accepted every request",
                    "2:bad input or the management server unreachable",
                    "4:a device was not ready (e.g. no presence yet) or refused; stderr names each"})
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
            return issue(spec, connection, kind, List.copyOf(devices));
        }
    }
}
