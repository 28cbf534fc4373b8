package dev.jawa.jit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which Jawa stored compiled code belongs to. Compiled classes call Jawa's internals by name and
 * field layout, so code compiled by one build must never be loaded by another: the version is a
 * digest of Jawa's own class files (dev/jawa/**), computed once. From a jar it digests each
 * entry's name, size and CRC-32 (read from the jar's directory, without inflating anything); from
 * a directory (a source build) each file's name, size and modification time, so a rebuilt class
 * counts as a change even when its bytes are the same, which only costs a recompilation.
 */
final class CodeVersion {

    private static volatile String value;

    private CodeVersion() {
    }

    /** The version string (16 hex digits). */
    static String get() {
        String v = value;
        if (v == null) {
            v = compute();
            value = v;
        }
        return v;
    }

    private static String compute() {
        MessageDigest md = sha256();
        try {
            Path where = Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(where.resolve("dev/jawa"))) {
                    files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (Path p : files) {
                    md.update(where.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update(longBytes(Files.size(p)));
                    md.update(longBytes(Files.getLastModifiedTime(p).toMillis()));
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    List<JarEntry> entries = new ArrayList<>();
                    jar.stream().filter(e -> e.getName().startsWith("dev/jawa/") && e.getName().endsWith(".class"))
                            .forEach(entries::add);
                    entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                    for (JarEntry e : entries) {
                        md.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        md.update(longBytes(e.getSize()));
                        md.update(longBytes(e.getCrc()));
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // No way to tell this build apart: a version no stored code has, so nothing is reused.
            return "unknown-" + Long.toHexString(System.nanoTime());
        }
        return HexFormat.of().formatHex(md.digest(), 0, 8);
    }

    private static byte[] longBytes(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
