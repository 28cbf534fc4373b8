package dev.jawa.bench.compare;

import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.runtime.Memory;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one WASI command module on Jawa, in a process of its own, for the comparison runner, with
 * the protocol of {@link ChicoryMain}: {@code JawaMain interp KERNEL.wasm [ARGS...]}; the program's
 * output on stdout, then {@code jawa-bench-time-ns N} on stderr (from the module's bytes in memory
 * to the return of {@code _start}: decoding, validating, instantiating, running).
 *
 * <p>Jawa has no WASI yet, so this runner brings the few functions the kernels import (arguments,
 * fd_write to stdout and stderr, fd_fdstat_get, fd_seek, fd_close, proc_exit), written here on the
 * embedding API; a real WASI module will replace them.
 */
public final class JawaMain {

    private JawaMain() {
    }

    /** proc_exit's way out of the running program. */
    private static final class Exit extends RuntimeException {
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /**
     * Runs the module.
     *
     * @param args the tier ({@code interp} or {@code jit}), the module, its arguments
     * @throws IOException when the module cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !(args[0].equals("interp") || args[0].equals("jit"))) {
            System.err.println("usage: JawaMain interp|jit KERNEL.wasm [ARGS...]");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        List<String> programArgs = new ArrayList<>();
        programArgs.add(file.getFileName().toString().replaceFirst("\\.wasm$", ""));
        programArgs.addAll(Arrays.asList(args).subList(2, args.length));
        byte[] bytes = Files.readAllBytes(file);
        PrintStream out = System.out;

        long start = System.nanoTime();
        int exitCode = run(dev.jawa.Tier.parse(args[0]), bytes, programArgs, out);
        long elapsed = System.nanoTime() - start;
        out.flush();
        System.err.println(RunOutput.TIME_PREFIX + elapsed);
        System.exit(exitCode);
    }

    private static FuncType type(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    static int run(byte[] bytes, List<String> args, PrintStream out) {
        return run(dev.jawa.Tier.INTERP, bytes, args, out);
    }

    static int run(dev.jawa.Tier tier, byte[] bytes, List<String> args, PrintStream out) {
        Memory[] memory = new Memory[1];
        byte[][] argv = args.stream().map(a -> (a + "\0").getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        String w = "wasi_snapshot_preview1";
        List<ValType> i = List.of(NumType.I32);
        Linker linker = new Linker()
                .function(w, "args_sizes_get", type(List.of(NumType.I32, NumType.I32), i), (v, r) -> {
                    int size = 0;
                    for (byte[] a : argv) {
                        size += a.length;
                    }
                    memory[0].storeI32(v[0] & 0xFFFF_FFFFL, argv.length);
                    memory[0].storeI32(v[1] & 0xFFFF_FFFFL, size);
                    v[0] = 0;
                })
                .function(w, "args_get", type(List.of(NumType.I32, NumType.I32), i), (v, r) -> {
                    long ptrs = v[0] & 0xFFFF_FFFFL;
                    long buf = v[1] & 0xFFFF_FFFFL;
                    for (int k = 0; k < argv.length; k++) {
                        memory[0].storeI32(ptrs + 4L * k, (int) buf);
                        memory[0].write(buf, argv[k]);
                        buf += argv[k].length;
                    }
                    v[0] = 0;
                })
                .function(w, "fd_close", type(i, i), (v, r) -> v[0] = 0)
                .function(w, "fd_fdstat_get", type(List.of(NumType.I32, NumType.I32), i), (v, r) -> {
                    long at = v[1] & 0xFFFF_FFFFL;
                    memory[0].write(at, new byte[24]);
                    memory[0].storeI8(at, 2); // a character device
                    memory[0].storeI64(at + 8, -1L);
                    memory[0].storeI64(at + 16, -1L);
                    v[0] = 0;
                })
                .function(w, "fd_seek", type(List.of(NumType.I32, NumType.I64, NumType.I32, NumType.I32), i),
                        (v, r) -> v[0] = 70) // ESPIPE: the standard streams do not seek
                .function(w, "fd_write", type(List.of(NumType.I32, NumType.I32, NumType.I32, NumType.I32), i),
                        (v, r) -> {
                            int fd = (int) v[0];
                            long iovs = v[1] & 0xFFFF_FFFFL;
                            int n = (int) v[2];
                            long written = 0;
                            for (int k = 0; k < n; k++) {
                                long base = memory[0].loadI32(iovs + 8L * k) & 0xFFFF_FFFFL;
                                int len = memory[0].loadI32(iovs + 8L * k + 4);
                                byte[] data = memory[0].read(base, len);
                                (fd == 2 ? System.err : out).write(data, 0, data.length);
                                written += len;
                            }
                            memory[0].storeI32(v[3] & 0xFFFF_FFFFL, (int) written);
                            v[0] = 0;
                        })
                .function(w, "proc_exit", type(i, List.of()), (v, r) -> {
                    throw new Exit((int) v[0]);
                });
        Instance instance = new Engine(tier).compile(bytes).instantiate(linker);
        memory[0] = instance.memory("memory");
        try {
            instance.function("_start").call();
            return 0;
        } catch (Exit e) {
            return e.code;
        }
    }
}
