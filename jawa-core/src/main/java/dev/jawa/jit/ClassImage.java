package dev.jawa.jit;

import dev.jawa.WasmException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import dev.jawa.module.Module;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A compiled module before it is loaded: the bytes of its classes and what {@link ModuleCode} needs
 * beside them (which class holds each function, which functions each class calls in the others,
 * which functions were not compiled and why, which have tail calls, which loops the OSR entries
 * can enter). It is what ahead-of-time archives ({@link AotArchive}) and the code cache
 * ({@link CodeCache}) store, so that loading a module again defines the classes from these bytes
 * instead of compiling.
 *
 * @param classes the class files (see {@link ClassSplit})
 * @param partOf per defined function, the index in {@code classes} of the class holding it (-1: none)
 * @param links per class, the functions (module indices) it calls in other classes (see {@link ClassLinks})
 * @param failures per defined function, why it was not compiled (null if it was)
 * @param tailCalling per defined function, whether it has tail calls (a body method of its own)
 * @param imported the number of imported functions
 * @param osrLoops per defined function, the body offsets of the loops its OSR entry can enter
 * @param osrEntries whether the classes have OSR entries at all
 */
record ClassImage(byte[][] classes, int[] partOf, int[][] links, RuntimeException[] failures, boolean[] tailCalling,
        int imported, int[][] osrLoops, boolean osrEntries) {

    /** Magic and format version at the start of a serialized image. */
    private static final int MAGIC = 0x4A415741; // "JAWA"
    private static final int FORMAT = 2;

    /**
     * The code of these classes, each defined when first needed (hidden classes, unloaded with the
     * module).
     *
     * @param wasm the module the image was compiled from (for the types of the links)
     */
    ModuleCode define(Module wasm) {
        byte[][] pending = classes.clone(); // let go of each class file once defined
        ClassSource source = new ClassSource() {
            @Override
            public java.util.List<Made> make(int part) {
                Made m = new Made(part, pending[part], links[part]);
                pending[part] = null;
                return java.util.List.of(m);
            }

            @Override
            public MethodType methodType(int funcIndex) {
                return JvmTypes.handleType(wasm.funcType(wasm.funcTypeIndex(funcIndex)))
                        .appendParameterTypes(JitContext.class);
            }
        };
        return new ModuleCode(source, classes.length, partOf, failures, tailCalling, imported, osrLoops);
    }

    /** The total size of the class files. */
    long classBytes() {
        long total = 0;
        for (byte[] c : classes) {
            total += c.length;
        }
        return total;
    }

    /** The image as bytes (see {@link #read}). */
    byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64, classBytes() + 64));
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
            for (int p : partOf) {
                out.writeInt(p);
            }
            out.writeInt(classes.length);
            for (int c = 0; c < classes.length; c++) {
                out.writeInt(links[c].length);
                for (int f : links[c]) {
                    out.writeInt(f);
                }
                out.writeInt(classes[c].length);
                out.write(classes[c]);
            }
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
            int[] partOf = new int[n];
            for (int d = 0; d < n; d++) {
                partOf[d] = in.readInt();
            }
            int count = in.readInt();
            if (count < 1 || count > data.length) {
                throw new IOException("corrupt compiled module image");
            }
            byte[][] classes = new byte[count][];
            int[][] links = new int[count][];
            for (int c = 0; c < count; c++) {
                links[c] = new int[checkedLength(in.readInt(), data)];
                for (int k = 0; k < links[c].length; k++) {
                    links[c][k] = in.readInt();
                }
                int length = checkedLength(in.readInt(), data);
                classes[c] = in.readNBytes(length);
                if (classes[c].length != length) {
                    throw new IOException("truncated compiled module image");
                }
            }
            for (int p : partOf) {
                if (p < -1 || p >= count) {
                    throw new IOException("corrupt compiled module image");
                }
            }
            return new ClassImage(classes, partOf, links, failures, tail, imported, loops, osrEntries);
        }
    }

    /** A length read from an image, checked against the image's size. */
    private static int checkedLength(int length, byte[] data) throws IOException {
        if (length < 0 || length > data.length) {
            throw new IOException("corrupt compiled module image");
        }
        return length;
    }
}
