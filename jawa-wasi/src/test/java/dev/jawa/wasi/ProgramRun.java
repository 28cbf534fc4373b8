package dev.jawa.wasi;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import dev.jawa.Tier;
import dev.jawa.Trap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** One run of a test program (src/test/c, built to resources/wasi) on Jawa with WASI, and what it printed. */
final class ProgramRun {

    /** What a program printed and its exit code, or the trap that ended it (exit code -1). */
    record Result(String stdout, String stderr, int exitCode, Trap trap) {
    }

    private static final Map<String, CompiledModule> MODULES = new java.util.concurrent.ConcurrentHashMap<>();

    final String program;
    final List<String> args = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();
    byte[] stdin = new byte[0];
    Path dir;
    boolean readOnly;
    NetworkChannel socket;
    Tier tier = Tier.INTERP;

    ProgramRun(String program) {
        this.program = program;
    }

    @Override
    public String toString() {
        return program + " " + args + " on " + tier;
    }

    ProgramRun args(String... a) {
        args.addAll(List.of(a));
        return this;
    }

    ProgramRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    ProgramRun stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Preopens {@code dir} as "." (the working directory for wasi-libc's relative paths). */
    ProgramRun in(Path dir) {
        this.dir = dir;
        return this;
    }

    ProgramRun readOnly() {
        this.readOnly = true;
        return this;
    }

    /** Runs on {@code tier} (default: the interpreter). */
    ProgramRun on(Tier tier) {
        this.tier = tier;
        return this;
    }

    ProgramRun socket(NetworkChannel socket) {
        this.socket = socket;
        return this;
    }

    /** The program's module for the interpreter, compiled once per test JVM. */
    static CompiledModule module(String program) {
        return module(program, Tier.INTERP);
    }

    /** The program's module for {@code tier}, compiled once per test JVM. */
    static CompiledModule module(String program, Tier tier) {
        return MODULES.computeIfAbsent(program + "@" + tier, k -> new Engine(tier).compile(wasm(program)));
    }

    static byte[] wasm(String program) {
        try (InputStream in = ProgramRun.class.getResourceAsStream("/wasi/" + program + ".wasm")) {
            if (in == null) {
                throw new IllegalArgumentException("no test program " + program);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the program with a virtual clock and a seeded random source, so every run is the same. */
    Result exec() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(args);
        WasiConfig.Builder b = WasiConfig.builder().args(argv).stdin(stdin).stdout(out).stderr(err)
                .clock(WasiClock.virtual(1_700_000_000_000_000_000L)).random(new SplittableRandom(42));
        env.forEach(b::env);
        if (dir != null) {
            if (readOnly) {
                b.preopenReadOnly(dir, ".");
            } else {
                b.preopen(dir, ".");
            }
        }
        if (socket != null) {
            b.socket(socket);
        }
        int code = -1;
        Trap trap = null;
        try {
            code = Wasi.run(module(program, tier), b.build());
        } catch (Trap t) {
            trap = t;
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), code, trap);
    }

    /** The expected standard output of {@code program}, from resources/wasi/NAME.stdout. */
    static String expected(String program) {
        try (InputStream in = ProgramRun.class.getResourceAsStream("/wasi/" + program + ".stdout")) {
            if (in == null) {
                throw new IllegalArgumentException("no expected output for " + program);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
