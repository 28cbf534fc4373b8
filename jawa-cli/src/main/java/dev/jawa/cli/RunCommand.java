package dev.jawa.cli;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import dev.jawa.Function;
import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.Trap;
import dev.jawa.WasmException;
import dev.jawa.types.NumType;
import dev.jawa.wasi.Wasi;
import dev.jawa.wasi.WasiConfig;
import dev.jawa.wasi.WasiExitException;
import dev.jawa.types.ValType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jawa run [--dir HOST[::GUEST]]... [--env K=V]... [--invoke NAME] FILE [ARGS...]}: runs a
 * WASI command module (its {@code _start}, with ARGS as its arguments, the process's standard
 * streams, and only the given directories), or with {@code --invoke} calls one export with numeric
 * arguments.
 */
@Command(name = "run",
        description = {"Runs a WebAssembly module (binary or text).",
                "Without --invoke: a WASI program (wasi_snapshot_preview1). Calls its _start",
                "with FILE's name and ARGS as its arguments and the process's standard",
                "streams; it sees only the directories given with --dir. Its exit code",
                "becomes jawa's; a trap prints the WebAssembly stack and exits 1. Put '--'",
                "before program arguments that look like jawa run's own options.",
                "With --invoke: instantiates the module (with WASI if it imports it) and calls",
                "the export NAME with numeric ARGS, printing each result on its own line:",
                "i32/i64 as decimal or 0x-hex integers, f32/f64 as decimal, hex float, inf or",
                "nan. Exits 1 on bad input or a trap (reported as 'trap: MESSAGE')."},
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The module (.wasm or .wat, or a .jar from 'jawa compile').")
    Path file;

    @Option(names = "--invoke", paramLabel = "NAME", description = "Call this export instead of running _start.")
    String invoke;

    @Option(names = "--tier", paramLabel = "TIER", defaultValue = "auto",
            description = "The execution tier: interp, jit or auto (default).")
    String tier;

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "Give the program the host directory HOST, which it sees as GUEST (default: HOST as given).")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Set an environment variable of the program.")
    List<String> env = new ArrayList<>();

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The program's (or the function's) arguments.")
    List<String> args = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (FileSystemException e) {
            err.println(FileConversionCommand.describe(e));
            return ExitStatus.BAD_INPUT;
        } catch (IOException e) {
            err.println(file + ": " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
        Engine engine;
        WasiConfig config;
        try {
            engine = new Engine(dev.jawa.Tier.parse(tier));
            config = wasiConfig();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("jawa run: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        try {
            boolean binary = bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm';
            CompiledModule module = dev.jawa.jit.AotArchive.isArchive(bytes) ? engine.load(file)
                    : binary ? engine.compile(bytes) : engine.compileText(InputText.decodeUtf8(bytes));
            Linker linker = new Linker();
            try (Wasi wasi = Wasi.addTo(linker, config)) {
                Instance instance = module.instantiate(linker);
                if (invoke == null) {
                    if (!instance.exportNames().contains("_start")) {
                        err.println(file + ": no _start export (not a WASI command); use --invoke NAME");
                        return ExitStatus.BAD_INPUT;
                    }
                    out.flush();
                    err.flush();
                    return wasi.start(instance);
                }
                wasi.attach(instance);
                return invoke(instance, out, err);
            }
        } catch (Trap t) {
            if (WasiExitException.exitCodeOf(t).isPresent()) {
                // proc_exit from an export called with --invoke
                return WasiExitException.exitCodeOf(t).getAsInt();
            }
            out.flush();
            err.println("trap: " + t.getMessage());
            for (Trap.Frame f : t.wasmStackTrace()) {
                err.println("    at " + f);
            }
            return ExitStatus.BAD_INPUT;
        } catch (WasiExitException e) {
            // proc_exit from an export called with --invoke
            return e.exitCode();
        } catch (WasmException e) {
            err.println(file + ": " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        } catch (IOException e) {
            err.println(file + ": " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
    }

    /** The WASI configuration: the process's streams, --dir, --env, and FILE's name plus ARGS as arguments. */
    private WasiConfig wasiConfig() {
        WasiConfig.Builder b = WasiConfig.builder().inheritStdio();
        List<String> argv = new ArrayList<>();
        argv.add(file.getFileName().toString());
        if (invoke == null) {
            argv.addAll(args);
        }
        b.args(argv);
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--env needs NAME=VALUE: " + e);
            }
            b.env(e.substring(0, eq), e.substring(eq + 1));
        }
        for (String d : dirs) {
            int sep = d.indexOf("::");
            String host = sep < 0 ? d : d.substring(0, sep);
            String guest = sep < 0 ? d : d.substring(sep + 2);
            if (host.isEmpty() || guest.isEmpty()) {
                throw new IllegalArgumentException("--dir needs HOST or HOST::GUEST: " + d);
            }
            b.preopen(Path.of(host), guest);
        }
        return b.build();
    }

    private int invoke(Instance instance, PrintWriter out, PrintWriter err) {
        Function f;
        try {
            f = instance.function(invoke);
        } catch (IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
        List<ValType> params = f.type().params();
        if (params.size() != args.size()) {
            err.println(invoke + ": expected " + params.size() + " arguments, got " + args.size());
            return ExitStatus.USAGE;
        }
        long[] raw = new long[args.size()];
        for (int i = 0; i < raw.length; i++) {
            try {
                raw[i] = parse(params.get(i), args.get(i));
            } catch (NumberFormatException e) {
                err.println(invoke + ": argument " + (i + 1) + " '" + args.get(i) + "' is not a " + params.get(i).text());
                return ExitStatus.USAGE;
            }
        }
        long[] results = f.call(raw);
        List<ValType> types = f.type().results();
        for (int i = 0; i < results.length; i++) {
            out.println(format(types.get(i), results[i]));
        }
        return ExitStatus.OK;
    }

    /** An argument's raw bits; only numeric parameters can be given on the command line. */
    static long parse(ValType type, String s) {
        if (type == NumType.I32 || type == NumType.I64) {
            boolean negative = s.startsWith("-");
            String digits = negative ? s.substring(1) : s;
            long v = digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseUnsignedLong(digits);
            v = negative ? -v : v;
            if (type == NumType.I32 && (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL)) {
                throw new NumberFormatException(s);
            }
            return type == NumType.I32 ? (int) v : v;
        }
        if (type == NumType.F32) {
            return Float.floatToRawIntBits(Float.parseFloat(special(s)));
        }
        if (type == NumType.F64) {
            return Double.doubleToRawLongBits(Double.parseDouble(special(s)));
        }
        throw new NumberFormatException("only numeric arguments are supported");
    }

    private static String special(String s) {
        return switch (s) {
            case "inf", "+inf" -> "Infinity";
            case "-inf" -> "-Infinity";
            case "nan", "+nan", "-nan" -> "NaN";
            default -> s;
        };
    }

    /** A result as text: integers in decimal (signed), floats in Java's shortest decimal form. */
    static String format(ValType type, long bits) {
        if (type == NumType.I32) {
            return Integer.toString((int) bits);
        }
        if (type == NumType.I64) {
            return Long.toString(bits);
        }
        if (type == NumType.F32) {
            return Float.toString(Float.intBitsToFloat((int) bits));
        }
        return Double.toString(Double.longBitsToDouble(bits));
    }
}
