package org.assure.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.assure.core.json.ConfigurationDataJson;
import org.assure.core.json.DeviceInfoJson;
import org.assure.core.json.DeviceRecordJson;
import org.assure.core.json.DeviceStatusJson;
import org.assure.core.json.JsonDecodeException;

/**
 * The JSON documents of the draft, recognised by their top-level field names and decoded by core's strict
 * {@code org.assure.core.json} codecs.
 */
final class JsonDocuments {
    @FunctionalInterface
    private interface Decoder {
        Tree render(byte[] data) throws JsonDecodeException;
    }

    private record Candidate(String name, Predicate<Set<String>> plausible, Decoder decoder) {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate("configuration data",
                    fields -> fields.contains(ConfigurationDataJson.AUTHENTICATED_KEYS) || fields.contains(ConfigurationDataJson.DEVICE)
                            || fields.contains(ConfigurationDataJson.OWNER_INFORMATION),
                    data -> JsonRenderer.configurationData(ConfigurationDataJson.decode(data))),
            new Candidate("device record",
                    fields -> fields.contains(DeviceRecordJson.CASE_STRING) || fields.contains(DeviceRecordJson.SHARED_SECRET)
                            || fields.contains(DeviceRecordJson.PUBLIC_KEY) || fields.contains(DeviceRecordJson.BOOTSTRAP_SERVER),
                    data -> JsonRenderer.deviceRecord(DeviceRecordJson.decode(data))),
            new Candidate("device information",
                    fields -> fields.contains(DeviceInfoJson.DEVICE_ID),
                    data -> ChannelRenderer.deviceInfo(DeviceInfoJson.decode(data), "device information (draft §11.2.4, JSON)")),
            new Candidate("device status",
                    fields -> fields.contains(DeviceStatusJson.STATUS),
                    data -> JsonRenderer.deviceStatus(DeviceStatusJson.decode(data))));

    private JsonDocuments() {
    }

    /** Whether {@code data} looks like a JSON object: its first non-blank byte is '{'. */
    static boolean looksLikeJson(byte[] data) {
        for (byte b : data) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == '{';
        }
        return false;
    }

    /**
     * @throws CliException with the reason of the most plausible document type when none decodes
     */
    static Tree render(byte[] data) {
        Set<String> fields = new HashSet<>();
        String syntaxError = topLevelFields(data, fields);
        JsonDecodeException firstFailure = null;
        String firstName = null;
        for (Candidate candidate : CANDIDATES) {
            if (!candidate.plausible().test(fields)) {
                continue;
            }
            try {
                return candidate.decoder().render(data);
            } catch (JsonDecodeException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                    firstName = candidate.name();
                }
            }
        }
        if (firstFailure != null) {
            throw new CliException("invalid " + firstName + " (JSON): " + firstFailure.getMessage());
        }
        if (syntaxError != null) {
            throw new CliException("not valid JSON (" + syntaxError + ")");
        }
        throw new CliException("not a known aSSURE JSON document (expected configuration data, a device record,"
                + " device information or a device status)");
    }

    /**
     * Collects the names of the top-level fields, leniently up to the first syntax error, and returns where that
     * error is (never the input around it), or null if the object is well-formed.
     */
    private static String topLevelFields(byte[] data, Set<String> fields) {
        try (JsonParser parser = FACTORY.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "not an object";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                fields.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                return "unterminated object";
            }
            return null;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return at == null ? "syntax error" : "syntax error at line " + at.getLineNr() + ", column " + at.getColumnNr();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
