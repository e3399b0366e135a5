package org.assure.console.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.BootstrapStatus;
import org.assure.channels.ManagedChannel;
import org.assure.core.model.Address;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.IpAddress;
import org.assure.keystore.KeyInfo;

/**
 * The gateway's state as one JSON object (the contract of {@code status.json}): device id, bootstrap state, channels
 * and keys. Only identifiers, states and public facts: no key material, passphrase or payload ever appears here.
 */
final class StatusReport {
    private StatusReport() {
    }

    /**
     * Writes the report; a service that is not active gives {@code null} (device id, bootstrap) or an empty list.
     * A service that fails while being read (it is being deactivated) counts as not active.
     */
    static void write(JsonGenerator json, GatewayView view) throws IOException {
        json.writeStartObject();
        Optional<String> deviceId = read(() -> view.keystore().map(k -> k.deviceId().toString()));
        writeNullable(json, "deviceId", deviceId);
        json.writeObjectFieldStart("bootstrap");
        Optional<BootstrapStatus> bootstrap = read(() -> view.bootstrap().map(b -> b.status()));
        writeNullable(json, "state", bootstrap.map(s -> s.phase().name()));
        Optional<BootstrapOutcome> last = bootstrap.flatMap(BootstrapStatus::last);
        writeNullable(json, "lastOutcome", last.map(o -> o.result().name()));
        writeNullable(json, "lastReason", last.map(BootstrapOutcome::reason));
        writeNullable(json, "lastAttemptAt", last.map(o -> o.at().toString()));
        writeNullable(json, "nextAttemptAt", bootstrap.flatMap(BootstrapStatus::nextAttempt).map(Object::toString));
        json.writeEndObject();
        Optional<DeviceInfo> info = view.deviceInfo();
        json.writeObjectFieldStart("device");
        writeNullable(json, "manufacturer", info.map(DeviceInfo::manufacturer));
        writeNullable(json, "productCode", info.map(DeviceInfo::productCode));
        writeNullable(json, "serialNumber", info.map(DeviceInfo::serialNumber));
        writeNullable(json, "buildDate", info.map(DeviceInfo::buildDate));
        writeNullable(json, "softwareVersion", info.map(DeviceInfo::softwareVersion));
        json.writeEndObject();
        json.writeArrayFieldStart("channels");
        for (ManagedChannel channel : read(() -> view.channels().map(c -> c.channels())).orElse(List.of())) {
            writeChannel(json, channel);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("keys");
        for (KeyInfo key : read(() -> view.keystore().map(k -> k.keys())).orElse(List.of())) {
            json.writeStartObject();
            json.writeStringField("id", key.keyId().toString());
            json.writeStringField("type", key.format().name());
            json.writeStringField("class", key.identityClass().name());
            json.writeStringField("origin", key.origin().name());
            json.writeBooleanField("persistent", key.persistent());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeBooleanField("keystoreActive", view.keystore().isPresent() && deviceId.isPresent());
        json.writeBooleanField("channelsActive", view.channels().isPresent());
        json.writeBooleanField("bootstrapActive", bootstrap.isPresent());
        json.writeEndObject();
    }

    private static void writeChannel(JsonGenerator json, ManagedChannel channel) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", channel.id());
        json.writeStringField("state", channel.state().name());
        json.writeStringField("peer", channel.configuration().effectivePeerKeyId().toString());
        json.writeStringField("address", address(channel.configuration().address()));
        json.writeStringField("kind", kind(channel.configuration().flags()));
        json.writeStringField("origin", channel.origin().name());
        json.writeEndObject();
    }

    /** A channel with any management privilege is a management channel (draft §10.1.6 flags). */
    static String kind(ChannelFlags flags) {
        return flags.channelManagement() || flags.systemManagement() || flags.keyManagement() ? "management" : "data";
    }

    static String address(Address address) {
        if (address instanceof IpAddress ip) {
            String host = ip.inetAddress().getHostAddress();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + ip.remotePort();
        }
        return address.type().name();
    }

    private static void writeNullable(JsonGenerator json, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(field, value.get());
        } else {
            json.writeNullField(field);
        }
    }

    /** Reads from a service that may be deactivated concurrently: DS then makes it throw IllegalStateException. */
    private static <T> Optional<T> read(java.util.function.Supplier<Optional<T>> reader) {
        try {
            return reader.get();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }
}
