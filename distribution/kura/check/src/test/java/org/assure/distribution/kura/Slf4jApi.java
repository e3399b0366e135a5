package org.assure.distribution.kura;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One SLF4J API jar, loaded apart from the test's own class path, answering whether it has a class or member named
 * the way {@link ClassReferences} names them.
 */
final class Slf4jApi implements AutoCloseable {

    private final URLClassLoader loader;

    Slf4jApi(Path jar) {
        try {
            // the platform loader as parent: the SLF4J on the test class path must not answer for this one
            this.loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean has(String ref) {
        int dot = ref.indexOf('.');
        String owner = (dot < 0 ? ref : ref.substring(0, dot)).replace('/', '.');
        Class<?> type;
        try {
            type = Class.forName(owner, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        if (dot < 0) {
            return true;
        }
        String member = ref.substring(dot + 1);
        int colon = member.indexOf(':');
        if (colon >= 0) { // a field: name:descriptor
            String name = member.substring(0, colon);
            String descriptor = member.substring(colon + 1);
            return Arrays.stream(type.getFields())
                    .anyMatch(f -> f.getName().equals(name) && f.getType().descriptorString().equals(descriptor));
        }
        int paren = member.indexOf('(');
        String name = member.substring(0, paren);
        String descriptor = member.substring(paren);
        if (name.equals("<init>")) {
            for (Constructor<?> c : type.getConstructors()) {
                if (MethodType.methodType(void.class, c.getParameterTypes()).toMethodDescriptorString().equals(descriptor)) {
                    return true;
                }
            }
            return false;
        }
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                    .toMethodDescriptorString().equals(descriptor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
