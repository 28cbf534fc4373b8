package dev.jawa.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A small kit for writing binary modules by hand in tests. */
final class Wasm {

    private Wasm() {
    }

    /** The preamble followed by the given sections. */
    static byte[] module(byte[]... sections) {
        return cat(b(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00), cat(sections));
    }

    /** A section: its id, the size of the contents, the contents. */
    static byte[] section(int id, byte[]... contents) {
        byte[] c = cat(contents);
        return cat(b(id), u32(c.length), c);
    }

    /** A custom section. */
    static byte[] custom(String name, byte[]... contents) {
        return section(0, name(name), cat(contents));
    }

    /** A vector: the element count, then the elements. */
    static byte[] vec(byte[]... items) {
        return cat(u32(items.length), cat(items));
    }

    /** A name: UTF-8 length then bytes. */
    static byte[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return cat(u32(utf8.length), utf8);
    }

    /** Raw bytes. */
    static byte[] b(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return out;
    }

    /** Bytes written as hex digits (spaces allowed). */
    static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** Minimal unsigned LEB128. */
    static byte[] u32(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    /** Minimal signed LEB128. */
    static byte[] s64(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return out.toByteArray();
            }
        }
    }

    /** The concatenation of byte arrays. */
    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A function body entry of the code section: size, locals, code (which must end in end). */
    static byte[] body(byte[] locals, byte[] code) {
        byte[] c = cat(locals, code);
        return cat(u32(c.length), c);
    }

    /** The type section with one function type [] -> []. */
    static byte[] voidType() {
        return section(1, vec(b(0x60, 0x00, 0x00)));
    }
}
