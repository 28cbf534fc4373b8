package dev.jawa.cli;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import dev.jawa.Function;
import dev.jawa.Instance;
import dev.jawa.Trap;
import dev.jawa.WasmException;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jawa run FILE --invoke NAME ARGS...}: instantiates a module and calls one export. */
@Command(name = "run",
        description = {"Instantiates a module (binary or text; it may import nothing) and calls an exported",
                "function with numeric arguments, printing each result on its own line.",
                "Arguments: i32/i64 as decimal or 0x-hex integers, f32/f64 as decimal, hex float, inf or nan.",
                "Exits 0 on success, 1 on bad input or a trap (reported as 'trap: MESSAGE')."},
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The module (.wasm or .wat, or a .jar from 'jawa compile').")
    Path file;

    @Option(names = "--invoke", paramLabel = "NAME", required = true, description = "The exported function to call.")
    String invoke;

    @Option(names = "--tier", paramLabel = "TIER", defaultValue = "auto",
            description = "The execution tier: interp, jit or auto (default).")
    String tier;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The function's arguments.")
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
        try {
            engine = new Engine(dev.jawa.Tier.parse(tier));
        } catch (IllegalArgumentException e) {
            err.println("jawa run: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        try {
            boolean binary = bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm';
            CompiledModule module = dev.jawa.jit.AotArchive.isArchive(bytes) ? engine.load(file)
                    : binary ? engine.compile(bytes) : engine.compileText(InputText.decodeUtf8(bytes));
            Instance instance = module.instantiate();
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
        } catch (Trap t) {
            err.println("trap: " + t.getMessage());
            for (Trap.Frame f : t.wasmStackTrace()) {
                err.println("    at " + f);
            }
            return ExitStatus.BAD_INPUT;
        } catch (WasmException e) {
            err.println(file + ": " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        } catch (IOException e) {
            err.println(file + ": " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
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
