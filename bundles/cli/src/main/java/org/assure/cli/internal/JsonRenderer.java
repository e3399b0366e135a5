package org.assure.cli.internal;

import java.util.List;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.DeviceStatus;

/**
 * Trees for the JSON documents of the draft (§9.2.1 device record, §11.2.3 status, §15.2 configuration data).
 * The case string and the device secret are secrets: shown only as present.
 */
final class JsonRenderer {
    private JsonRenderer() {
    }

    static Tree configurationData(ConfigurationData data) {
        Tree tree = Tree.root("configuration data (draft §15.2, JSON)");
        Tree device = tree.node("device");
        device.field("id", data.deviceId());
        device.field("bootstrap_server", data.bootstrapServer());
        device.attach("capabilities", capabilities(data.capabilities()));
        List<AuthenticatedKey> keys = data.authenticatedKeys();
        Tree list = tree.node("authenticated_keys", KeyRenderer.count(keys.size()));
        for (int i = 0; i < keys.size(); i++) {
            list.attach("[" + i + "]", KeyRenderer.authenticatedKey(keys.get(i)));
        }
        tree.attach("owner_information", KeyRenderer.ownerInformation(data.ownerInformation()));
        Tree choices = tree.node("parameter_choices", KeyRenderer.count(data.parameterChoices().size()));
        for (int i = 0; i < data.parameterChoices().size(); i++) {
            choices.field("[" + i + "]", ChannelRenderer.quoted(data.parameterChoices().get(i)));
        }
        return tree;
    }

    static Tree deviceRecord(DeviceRecord record) {
        Tree tree = Tree.root("device record (draft §9.2.1, JSON)");
        tree.field("id", record.id());
        tree.field("bootstrap_server", record.bootstrapServer());
        tree.field("case_string", "<case string present, " + record.caseString().length() + " characters>");
        record.sharedSecret().ifPresent(secret -> tree.field("shared_secret", Values.secret("shared secret", secret)));
        record.publicKeyPem().ifPresent(pem -> tree.field("public_key", PemFiles.describePublicKey(pem)));
        tree.field("parameter_set", record.parameterSet().map(Object::toString).orElse("(absent)"));
        tree.attach("capabilities", capabilities(record.capabilities()));
        return tree;
    }

    static Tree deviceStatus(DeviceStatus status) {
        Tree tree = Tree.root("device status (draft §11.2.3, JSON)");
        tree.field("status", status.status());
        tree.field("description", ChannelRenderer.quoted(status.description()));
        return tree;
    }

    private static Tree capabilities(DeviceCapabilities capabilities) {
        Tree tree = Tree.root("");
        tree.field("ec_capable", capabilities.ecCapable());
        tree.field("rsa_capable", capabilities.rsaCapable());
        tree.field("sha384_capable", capabilities.sha384Capable());
        tree.field("sha512_capable", capabilities.sha512Capable());
        tree.field("aes256_capable", capabilities.aes256Capable());
        return tree;
    }
}
