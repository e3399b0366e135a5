package org.assure.authority.internal.osgi;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Component configuration annotations as SCR builds them: each method answers the configured value, else the
 * annotation's default. Values are given by property id ({@code data.directory} for {@code data_directory()}).
 */
final class Configs {
    private Configs() {
    }

    static <T> T of(Class<T> type, Map<String, Object> values) {
        Map<String, Object> copy = new HashMap<>(values);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String id = method.getName().replace('_', '.');
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "Config" + copy.keySet();
                };
            }
            if (copy.containsKey(id)) {
                return copy.get(id);
            }
            return defaultValue(method);
        }));
    }

    private static Object defaultValue(Method method) {
        Object value = method.getDefaultValue();
        // SCR answers an unset attribute without a default (a password) with null for String
        return value;
    }
}
