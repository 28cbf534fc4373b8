package dev.jawa.jit;

import dev.jawa.WasmException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;

/**
 * A compiled module before it is loaded: the bytes of its class and what {@link ModuleCode} needs
 * beside them (which functions were not compiled and why, which have tail calls, which loops the
 * OSR entries can enter). It is what ahead-of-time archives ({@link AotArchive}) and the code
 * cache ({@link CodeCache}) store, so that loading a module again defines the class from these
 * bytes instead of compiling.
 *
 * @param bytes the class file
 * @param failures per defined function, why it was not compiled (null if it was)
 * @param tailCalling per defined function, whether it has tail calls (a body method of its own)
 * @param imported the number of imported functions
 * @param osrLoops per defined function, the body offsets of the loops its OSR entry can enter
 * @param osrEntries whether the class has OSR entries at all
 */
record ClassImage(byte[] bytes, RuntimeException[] failures, boolean[] tailCalling, int imported, int[][] osrLoops,
        boolean osrEntries) {

    /** Magic and format version at the start of a serialized image. */
    private static final int MAGIC = 0x4A415741; // "JAWA"
    private static final int FORMAT = 1;

    /** Defines the class (a hidden class, unloaded with the module) and wraps it. */
    ModuleCode define() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return new ModuleCode(lookup, failures, tailCalling, imported, osrLoops);
        } catch (IllegalAccessException | LinkageError e) {
            throw new WasmException("the compiled code of this module was rejected: " + e, e);
        }
    }

    /** The image as bytes (see {@link #read}). */
    byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length + 64);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(imported);
            out.writeBoolean(osrEntries);
            out.writeInt(failures.length);
            for (int d = 0; d < failures.length; d++) {
                out.writeBoolean(failures[d] != null);
                if (failures[d] != null) {
                    out.writeUTF(truncate(String.valueOf(failures[d].getMessage())));
                }
                out.writeBoolean(tailCalling[d]);
                int[] loops = osrLoops[d];
                out.writeInt(loops == null ? -1 : loops.length);
                if (loops != null) {
                    for (int l : loops) {
                        out.writeInt(l);
                    }
                }
            }
            out.writeInt(bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return buffer.toByteArray();
    }

    /** writeUTF takes at most 65,535 bytes; messages are far shorter, but never fail on one. */
    private static String truncate(String s) {
        return s.length() > 10_000 ? s.substring(0, 10_000) : s;
    }

    /**
     * Reads an image written by {@link #toBytes}.
     *
     * @throws IOException if the bytes are not such an image (truncated, another format)
     */
    static ClassImage read(byte[] data) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a compiled module image of this format");
            }
            int imported = in.readInt();
            boolean osrEntries = in.readBoolean();
            int n = in.readInt();
            if (n < 0 || n > data.length) {
                throw new IOException("corrupt compiled module image");
            }
            RuntimeException[] failures = new RuntimeException[n];
            boolean[] tail = new boolean[n];
            int[][] loops = new int[n][];
            for (int d = 0; d < n; d++) {
                if (in.readBoolean()) {
                    failures[d] = new CompileLimitException(in.readUTF());
                }
                tail[d] = in.readBoolean();
                int count = in.readInt();
                if (count > data.length) {
                    throw new IOException("corrupt compiled module image");
                }
                if (count >= 0) {
                    loops[d] = new int[count];
                    for (int k = 0; k < count; k++) {
                        loops[d][k] = in.readInt();
                    }
                }
            }
            int length = in.readInt();
            if (length < 0 || length > data.length) {
                throw new IOException("corrupt compiled module image");
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new IOException("truncated compiled module image");
            }
            return new ClassImage(bytes, failures, tail, imported, loops, osrEntries);
        }
    }
}
