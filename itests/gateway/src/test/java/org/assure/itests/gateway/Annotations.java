package org.assure.itests.gateway;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Component configurations as SCR hands them to an {@code @Activate} constructor: each attribute method answers the
 * configured value (by method name) or else the metatype default.
 */
public final class Annotations {
    private Annotations() {
    }

    public static <T> T of(Class<T> type, Map<String, Object> values) {
        Map<String, Object> copy = new HashMap<>(values);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> type.getSimpleName() + copy.keySet();
                };
            }
            if (copy.containsKey(method.getName())) {
                return copy.get(method.getName());
            }
            Object value = method.getDefaultValue();
            if (value == null) {
                throw new IllegalStateException("no value for " + method.getName());
            }
            return value;
        }));
    }
}
