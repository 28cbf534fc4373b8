package dev.jawa.jit;

import dev.jawa.WasmException;
import dev.jawa.validate.ValidatedModule;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where compiled modules come from: code loaded ahead of time ({@link AotArchive}), the on-disk
 * cache, or the compiler.
 *
 * <p>The cache is a directory of compiled module images ({@link ClassImage}), one file per module
 * named by the SHA-256 of the module's bytes and the {@link CodeVersion} of Jawa, so a second run
 * of the same module defines its class from the file instead of compiling. It is off unless a
 * directory is set: the system property {@code jawa.cache.dir} (the command line sets it to
 * {@code ~/.cache/jawa} unless told otherwise). A broken or stale file is ignored and rewritten;
 * a cache that cannot be written only costs the time to compile.
 */
public final class CodeCache {

    /** The system property naming the cache directory. */
    public static final String DIRECTORY_PROPERTY = "jawa.cache.dir";

    /** Module hashes, recorded when a module is compiled from bytes while the cache is on. */
    private static final Map<ValidatedModule, String> HASHES = Collections.synchronizedMap(new WeakHashMap<>());

    /** How many modules were loaded from the cache instead of compiled (for tests and measurements). */
    static final java.util.concurrent.atomic.AtomicLong HITS = new java.util.concurrent.atomic.AtomicLong();

    private CodeCache() {
    }

    /** The cache directory, or null when the cache is off. */
    public static Path directory() {
        String d = System.getProperty(DIRECTORY_PROPERTY);
        return d == null || d.isBlank() ? null : Path.of(d);
    }

    /**
     * Notes that {@code module} was made from {@code wasm}, so its compiled code can be cached
     * (does nothing while the cache is off; hashing 10 MB takes some 30 ms).
     */
    public static void remember(ValidatedModule module, byte[] wasm) {
        if (directory() != null) {
            HASHES.put(module, sha256(wasm));
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(CodeVersion.sha256().digest(bytes));
    }

    /** The compiled code of {@code module}, with OSR entries if {@code osrEntries}. */
    static ModuleCode compile(ValidatedModule module, boolean osrEntries) {
        return compile(module, osrEntries, false);
    }

    /**
     * The compiled code of {@code module}, with OSR entries if {@code osrEntries}; if {@code lazily}
     * and the cache is off, each class compiled when first needed (with the cache on, the whole
     * module is compiled, to be stored).
     */
    static ModuleCode compile(ValidatedModule module, boolean osrEntries, boolean lazily) {
        Path dir = directory();
        String hash = HASHES.get(module);
        if (dir == null || hash == null) {
            return lazily ? ModuleCompiler.compileLazily(module, osrEntries) : ModuleCompiler.compile(module, osrEntries);
        }
        Path file = dir.resolve(hash + "-" + CodeVersion.get() + (osrEntries ? "-osr" : "") + ".jawac");
        ModuleCode cached = load(file, module);
        if (cached != null) {
            HITS.incrementAndGet();
            return cached;
        }
        ClassImage image = ModuleCompiler.build(module, osrEntries);
        store(file, image);
        return image.define(module.module());
    }

    /** The code in {@code file} if it is a good image for {@code module}; else null. */
    private static ModuleCode load(Path file, ValidatedModule module) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            ClassImage image = ClassImage.read(Files.readAllBytes(file));
            return fits(image, module) ? image.define(module.module()) : null;
        } catch (IOException | WasmException e) {
            return null;
        }
    }

    /** Whether {@code image} was made for a module shaped like {@code module} (a cheap sanity check). */
    static boolean fits(ClassImage image, ValidatedModule module) {
        return image.imported() == module.module().importedFuncCount()
                && image.failures().length == module.module().functions().size();
    }

    private static void store(Path file, ClassImage image) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "jawa", ".tmp");
            try {
                Files.write(tmp, image.toBytes());
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | SecurityException e) {
            // The cache only saves time: a read-only or full disk just means compiling next time.
        }
    }
}
