package org.assure.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code assure inspect [FILE|-] [--hex]}: recognise any structure of the draft and print it as a tree. */
@Command(name = "inspect",
        description = {"Decode any aSSURE structure and print it as a tree.",
                "Recognises bootstrap images and payloads (with their CoAP messages), authenticated keys, key",
                "definitions and lists, signatures, owner information, channel configurations and information,",
                "device information, QR payloads, addresses, timestamps, PSK identity hints (CBOR or base64)",
                "and DER CMS envelopes. Private keys, secrets and case ids are never printed."})
final class InspectCommand implements Callable<Integer> {
    @ParentCommand
    private AssureCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "File to read; '-' or none: standard input.")
    private String file;

    @Option(names = "--hex", description = "The input is hex text (whitespace is ignored).")
    private boolean hex;

    /** Only hex digits and whitespace, at least one byte's worth: probably a pasted dump. */
    static boolean looksLikeHex(byte[] data) {
        int digits = 0;
        for (byte b : data) {
            if (Character.digit(b, 16) >= 0) {
                digits++;
            } else if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return digits >= 2;
    }

    @Override
    public Integer call() {
        byte[] data = Inputs.read(file, parent.stdin());
        if (hex) {
            data = Hex.parse(new String(data, StandardCharsets.US_ASCII), "input");
        }
        String tree;
        try {
            tree = new Inspector().inspect(data);
        } catch (CliException e) {
            if (!hex && looksLikeHex(data)) {
                throw new CliException(e.getMessage() + " (the input looks like hex text: add --hex)");
            }
            throw e;
        }
        spec.commandLine().getOut().print(tree);
        spec.commandLine().getOut().flush();
        return AssureMain.EXIT_OK;
    }
}
