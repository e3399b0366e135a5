package org.assure.distribution.kura;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * What the classes of a bundle refer to in SLF4J, read from their constant pools (JVMS 4.4): every class, field and
 * method of {@code org.slf4j} that some class names, in the form {@code org/slf4j/Logger} (a class) or
 * {@code org/slf4j/Logger.debug(Ljava/lang/String;)V} (a member with its descriptor). A class that uses a member
 * must name it in its constant pool, so this finds every SLF4J member the bundle may call.
 */
final class ClassReferences {

    private static final String SLF4J = "org/slf4j/";

    private ClassReferences() {
    }

    static Set<String> slf4jMembers(byte[] jar) throws IOException {
        Set<String> refs = new TreeSet<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar), false)) {
            JarEntry entry;
            while ((entry = in.getNextJarEntry()) != null) {
                if (entry.getName().endsWith(".class")) {
                    collect(in.readAllBytes(), refs);
                }
            }
        }
        return refs;
    }

    private static void collect(byte[] classFile, Set<String> refs) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] tag = new int[count];
        int[] a = new int[count];
        int[] b = new int[count];
        for (int i = 1; i < count; i++) {
            tag[i] = in.readUnsignedByte();
            switch (tag[i]) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // takes two slots
                }
                case 7, 8, 16, 19, 20 -> a[i] = in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> {
                    a[i] = in.readUnsignedShort();
                    b[i] = in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    a[i] = in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag[i]);
            }
        }
        for (int i = 1; i < count; i++) {
            if (tag[i] == 7 && utf8[a[i]].startsWith(SLF4J)) {
                refs.add(utf8[a[i]]);
            } else if (tag[i] == 9 || tag[i] == 10 || tag[i] == 11) {
                String owner = utf8[a[a[i]]];
                if (owner.startsWith(SLF4J)) {
                    int nameAndType = b[i];
                    refs.add(owner + "." + utf8[a[nameAndType]] + (tag[i] == 9 ? ":" : "") + utf8[b[nameAndType]]);
                }
            }
        }
    }
}
