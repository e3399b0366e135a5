package org.assure.channels.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Component configurations for tests: the metatype defaults, with some attributes overridden. */
public final class TestConfigs {
    private TestConfigs() {
    }

    /** {@code type}'s defaults with {@code overrides} (attribute method name → value). */
    public static <T> T of(Class<T> type, Map<String, Object> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            if (overrides.containsKey(method.getName())) {
                return overrides.get(method.getName());
            }
            Object value = method.getDefaultValue();
            if (value == null) {
                throw new IllegalStateException("no default for " + method.getName());
            }
            return value;
        }));
    }

    /** The channel component's configuration for loopback tests: fast handshakes and retries. */
    public static ChannelServiceConfig channels(Map<String, Object> overrides) {
        java.util.HashMap<String, Object> all = new java.util.HashMap<>(Map.of("handshake_timeout_seconds", 5,
                "retransmission_initial_ms", 200, "retry_initial_seconds", 1, "retry_max_seconds", 2));
        all.putAll(overrides);
        return of(ChannelServiceConfig.class, all);
    }
}
