package dev.jawa.jit;

import dev.jawa.MalformedModuleException;
import dev.jawa.binary.BinaryDecoder;
import dev.jawa.validate.ValidatedModule;
import dev.jawa.validate.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Ahead-of-time compiled modules ({@code jawa compile IN.wasm -o OUT.jar}): a jar holding the
 * module's original bytes ({@value #MODULE_ENTRY}, needed to instantiate it), its compiled class
 * with what goes with it ({@value #CODE_ENTRY}, a {@link ClassImage}, OSR entries included so it
 * serves every tier) and the {@link CodeVersion} of the Jawa that compiled it
 * ({@value #VERSION_ENTRY}). Loading decodes and validates the module (cheap) and defines the class
 * from the stored bytes: nothing is compiled again. An archive from another build of Jawa still
 * loads, and its module is then compiled when needed, as if it had been given as {@code .wasm}.
 */
public final class AotArchive {

    static final String MODULE_ENTRY = "jawa/module.wasm";
    static final String CODE_ENTRY = "jawa/code.bin";
    static final String VERSION_ENTRY = "jawa/version";

    private AotArchive() {
    }

    /** Whether {@code bytes} look like an archive (a zip file) rather than a module. */
    public static boolean isArchive(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /**
     * Compiles the binary module {@code wasm} and writes the archive to {@code jar}.
     *
     * @throws dev.jawa.MalformedModuleException if the bytes are not a module
     * @throws dev.jawa.InvalidModuleException if the module is not valid
     * @throws IOException if the archive cannot be written
     */
    public static void write(byte[] wasm, Path jar) throws IOException {
        ValidatedModule module = Validator.validate(BinaryDecoder.decode(wasm));
        byte[] code = ModuleCompiler.build(module, true).toBytes();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "jawa compile");
        Path tmp = Files.createTempFile(jar.toAbsolutePath().getParent(), "jawa", ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream out = new JarOutputStream(file, manifest)) {
                put(out, MODULE_ENTRY, wasm);
                put(out, CODE_ENTRY, code);
                put(out, VERSION_ENTRY, CodeVersion.get().getBytes(StandardCharsets.UTF_8));
            }
            Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void put(JarOutputStream out, String name, byte[] data) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(data);
        out.closeEntry();
    }

    /**
     * Reads an archive: decodes and validates its module and, if the archive was compiled by this
     * build of Jawa, makes its stored code the module's compiled code for every engine.
     *
     * @throws MalformedModuleException if the bytes are not an archive with a module in it, or
     *     the module is malformed
     * @throws dev.jawa.InvalidModuleException if the module is not valid
     */
    public static ValidatedModule load(byte[] archive) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().startsWith("jawa/")) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (ZipException e) {
            throw new MalformedModuleException("not a Jawa archive: " + e.getMessage(), 0);
        } catch (IOException e) {
            throw new MalformedModuleException("unreadable Jawa archive: " + e.getMessage(), 0);
        }
        byte[] wasm = entries.get(MODULE_ENTRY);
        if (wasm == null) {
            throw new MalformedModuleException("not a Jawa archive: no " + MODULE_ENTRY, 0);
        }
        ValidatedModule module = Validator.validate(BinaryDecoder.decode(wasm));
        byte[] version = entries.get(VERSION_ENTRY);
        byte[] code = entries.get(CODE_ENTRY);
        if (code != null && version != null && new String(version, StandardCharsets.UTF_8).equals(CodeVersion.get())) {
            try {
                ClassImage image = ClassImage.read(code);
                if (CodeCache.fits(image, module)) {
                    ModuleCode loaded = image.define(module.module());
                    JitTier.preset(module, loaded);
                    TieringPolicy.preset(module, loaded);
                    return module;
                }
            } catch (IOException e) {
                // A damaged code entry: the module is still good, and gets compiled when needed.
            }
        }
        CodeCache.remember(module, wasm);
        return module;
    }

    /** Whether {@code module}'s compiled code came from an archive or the cache, ready without compiling. */
    public static boolean hasCode(ValidatedModule module) {
        TieringPolicy.Job job = TieringPolicy.peek(module);
        return job != null && job.code() != null;
    }
}
