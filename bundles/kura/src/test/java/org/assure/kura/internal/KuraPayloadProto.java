package org.assure.kura.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Date;
import java.util.Map;
import org.eclipse.kura.message.KuraPayload;

/**
 * Kura's own MQTT payload encoding, {@code kurapayload.proto} (proto2, package {@code kuradatatypes}), built as a
 * descriptor at run time so that protobuf-java itself encodes and decodes (no hand-written wire format):
 *
 * <pre>
 * message KuraPayload {
 *   message KuraMetric {
 *     enum ValueType { DOUBLE = 0; FLOAT = 1; INT64 = 2; INT32 = 3; BOOL = 4; STRING = 5; BYTES = 6; }
 *     required string name = 1;  required ValueType type = 2;
 *     optional double double_value = 3; optional float float_value = 4; optional int64 long_value = 5;
 *     optional int32 int_value = 6; optional bool bool_value = 7; optional string string_value = 8;
 *     optional bytes bytes_value = 9;
 *   }
 *   optional int64 timestamp = 1;  optional KuraPosition position = 2;  (position: not used by aSSURE)
 *   repeated KuraMetric metric = 5000;  optional bytes body = 5001;
 * }
 * </pre>
 */
final class KuraPayloadProto {
    static final Descriptor PAYLOAD;
    static final Descriptor METRIC;
    private static final EnumDescriptor VALUE_TYPE;

    static {
        DescriptorProto metric = DescriptorProto.newBuilder().setName("KuraMetric")
                .addEnumType(EnumDescriptorProto.newBuilder().setName("ValueType")
                        .addValue(value("DOUBLE", 0)).addValue(value("FLOAT", 1)).addValue(value("INT64", 2))
                        .addValue(value("INT32", 3)).addValue(value("BOOL", 4)).addValue(value("STRING", 5))
                        .addValue(value("BYTES", 6)))
                .addField(field("name", 1, Label.LABEL_REQUIRED, Type.TYPE_STRING, null))
                .addField(field("type", 2, Label.LABEL_REQUIRED, Type.TYPE_ENUM,
                        ".kuradatatypes.KuraPayload.KuraMetric.ValueType"))
                .addField(field("double_value", 3, Label.LABEL_OPTIONAL, Type.TYPE_DOUBLE, null))
                .addField(field("float_value", 4, Label.LABEL_OPTIONAL, Type.TYPE_FLOAT, null))
                .addField(field("long_value", 5, Label.LABEL_OPTIONAL, Type.TYPE_INT64, null))
                .addField(field("int_value", 6, Label.LABEL_OPTIONAL, Type.TYPE_INT32, null))
                .addField(field("bool_value", 7, Label.LABEL_OPTIONAL, Type.TYPE_BOOL, null))
                .addField(field("string_value", 8, Label.LABEL_OPTIONAL, Type.TYPE_STRING, null))
                .addField(field("bytes_value", 9, Label.LABEL_OPTIONAL, Type.TYPE_BYTES, null))
                .build();
        DescriptorProto payload = DescriptorProto.newBuilder().setName("KuraPayload").addNestedType(metric)
                .addField(field("timestamp", 1, Label.LABEL_OPTIONAL, Type.TYPE_INT64, null))
                .addField(field("metric", 5000, Label.LABEL_REPEATED, Type.TYPE_MESSAGE,
                        ".kuradatatypes.KuraPayload.KuraMetric"))
                .addField(field("body", 5001, Label.LABEL_OPTIONAL, Type.TYPE_BYTES, null))
                .build();
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("kurapayload.proto")
                .setPackage("kuradatatypes").setSyntax("proto2").addMessageType(payload).build();
        try {
            FileDescriptor descriptor = FileDescriptor.buildFrom(file, new FileDescriptor[0]);
            PAYLOAD = descriptor.findMessageTypeByName("KuraPayload");
            METRIC = PAYLOAD.findNestedTypeByName("KuraMetric");
            VALUE_TYPE = METRIC.findEnumTypeByName("ValueType");
        } catch (DescriptorValidationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private KuraPayloadProto() {
    }

    private static EnumValueDescriptorProto value(String name, int number) {
        return EnumValueDescriptorProto.newBuilder().setName(name).setNumber(number).build();
    }

    private static FieldDescriptorProto field(String name, int number, Label label, Type type, String typeName) {
        FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
                .setLabel(label).setType(type);
        if (typeName != null) {
            field.setTypeName(typeName);
        }
        return field.build();
    }

    /**
     * Encodes as Kura's cloud stack does.
     *
     * @throws IllegalArgumentException for a metric type Kura's encoder does not accept either
     */
    static byte[] encode(KuraPayload payload) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(PAYLOAD);
        if (payload.getTimestamp() != null) {
            message.setField(PAYLOAD.findFieldByName("timestamp"), payload.getTimestamp().getTime());
        }
        FieldDescriptor metrics = PAYLOAD.findFieldByName("metric");
        for (Map.Entry<String, Object> entry : payload.metrics().entrySet()) {
            message.addRepeatedField(metrics, metric(entry.getKey(), entry.getValue()));
        }
        if (payload.getBody() != null) {
            message.setField(PAYLOAD.findFieldByName("body"), ByteString.copyFrom(payload.getBody()));
        }
        return message.build().toByteArray();
    }

    private static DynamicMessage metric(String name, Object value) {
        DynamicMessage.Builder metric = DynamicMessage.newBuilder(METRIC);
        metric.setField(METRIC.findFieldByName("name"), name);
        String type;
        String field;
        Object wire = value;
        if (value instanceof Double) {
            type = "DOUBLE";
            field = "double_value";
        } else if (value instanceof Float) {
            type = "FLOAT";
            field = "float_value";
        } else if (value instanceof Long) {
            type = "INT64";
            field = "long_value";
        } else if (value instanceof Integer) {
            type = "INT32";
            field = "int_value";
        } else if (value instanceof Boolean) {
            type = "BOOL";
            field = "bool_value";
        } else if (value instanceof String) {
            type = "STRING";
            field = "string_value";
        } else if (value instanceof byte[] bytes) {
            type = "BYTES";
            field = "bytes_value";
            wire = ByteString.copyFrom(bytes);
        } else {
            throw new IllegalArgumentException("metric type not encodable by Kura: " + value.getClass().getName());
        }
        metric.setField(METRIC.findFieldByName("type"), VALUE_TYPE.findValueByName(type));
        metric.setField(METRIC.findFieldByName(field), wire);
        return metric.build();
    }

    /**
     * Decodes strictly: required fields must be present and each metric's value must be in the field its type names.
     *
     * @throws InvalidProtocolBufferException if the bytes are not a valid Kura payload
     */
    static KuraPayload decode(byte[] bytes) throws InvalidProtocolBufferException {
        DynamicMessage message = DynamicMessage.parseFrom(PAYLOAD, bytes);
        if (!message.getUnknownFields().asMap().isEmpty()) {
            throw new InvalidProtocolBufferException("unknown fields in a Kura payload");
        }
        KuraPayload payload = new KuraPayload();
        FieldDescriptor timestamp = PAYLOAD.findFieldByName("timestamp");
        if (message.hasField(timestamp)) {
            payload.setTimestamp(new Date((Long) message.getField(timestamp)));
        }
        FieldDescriptor body = PAYLOAD.findFieldByName("body");
        if (message.hasField(body)) {
            payload.setBody(((ByteString) message.getField(body)).toByteArray());
        }
        FieldDescriptor metrics = PAYLOAD.findFieldByName("metric");
        for (int i = 0; i < message.getRepeatedFieldCount(metrics); i++) {
            DynamicMessage metric = (DynamicMessage) message.getRepeatedField(metrics, i);
            String name = (String) metric.getField(METRIC.findFieldByName("name"));
            String type = ((com.google.protobuf.Descriptors.EnumValueDescriptor) metric
                    .getField(METRIC.findFieldByName("type"))).getName();
            String field = switch (type) {
                case "DOUBLE" -> "double_value";
                case "FLOAT" -> "float_value";
                case "INT64" -> "long_value";
                case "INT32" -> "int_value";
                case "BOOL" -> "bool_value";
                case "STRING" -> "string_value";
                case "BYTES" -> "bytes_value";
                default -> throw new InvalidProtocolBufferException("unknown metric type " + type);
            };
            FieldDescriptor valueField = METRIC.findFieldByName(field);
            if (!metric.hasField(valueField)) {
                throw new InvalidProtocolBufferException("metric " + name + " lacks its " + field);
            }
            Object value = metric.getField(valueField);
            payload.addMetric(name, value instanceof ByteString bytesValue ? bytesValue.toByteArray() : value);
        }
        return payload;
    }
}
