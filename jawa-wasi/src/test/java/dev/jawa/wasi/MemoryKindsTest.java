package dev.jawa.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WASI's reads and writes work on every kind of memory: an ordinary one (one array, used in place)
 * and a shared one (native pages, reached through copies).
 */
class MemoryKindsTest {

    /** Reads stdin into memory at 100, writes it to a file and to stdout, reads the file back with fd_pread. */
    private static String program(String memory) {
        return """
                (module
                  (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
                  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
                  (import "wasi_snapshot_preview1" "fd_pread" (func $pread (param i32 i32 i32 i64 i32) (result i32)))
                  (import "wasi_snapshot_preview1" "path_open"
                    (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  MEMORY
                  (data (i32.const 200) "out.txt")
                  (func (export "_start") (local $n i32) (local $fd i32)
                    ;; iovec at 0: 64 bytes at 100
                    (i32.store (i32.const 0) (i32.const 100))
                    (i32.store (i32.const 4) (i32.const 64))
                    (drop (call $read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))
                    (local.set $n (i32.load (i32.const 8)))
                    (i32.store (i32.const 4) (local.get $n))
                    ;; open out.txt (creat|trunc) for reading and writing in the preopen (fd 3)
                    (if (call $open (i32.const 3) (i32.const 0) (i32.const 200) (i32.const 7) (i32.const 9)
                          (i64.const 0x46) (i64.const 0) (i32.const 0) (i32.const 16))
                      (then (call $exit (i32.const 10))))
                    (local.set $fd (i32.load (i32.const 16)))
                    (drop (call $write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))
                    ;; read it back at 300 and write that to stdout
                    (i32.store (i32.const 0) (i32.const 300))
                    (drop (call $pread (local.get $fd) (i32.const 0) (i32.const 1) (i64.const 0) (i32.const 8)))
                    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                    (call $exit (i32.load (i32.const 8)))))
                """.replace("MEMORY", memory);
    }

    @TempDir
    Path dir;

    @Test
    void ordinaryMemory() throws IOException {
        check("(memory (export \"memory\") 1)");
    }

    @Test
    void sharedMemory() throws IOException {
        check("(memory (export \"memory\") 1 1 shared)");
    }

    private void check(String memory) throws IOException {
        CompiledModule module = new Engine().compileText(program(memory));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().stdin("through memory\n".getBytes(StandardCharsets.UTF_8))
                .stdout(out).preopen(dir, ".").build();
        assertEquals(15, Wasi.run(module, config), "exit code: the bytes read back");
        assertEquals("through memory\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("through memory\n", Files.readString(dir.resolve("out.txt")));
    }
}
