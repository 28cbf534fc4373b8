package dev.jawa.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The {@code jawa} command's entry point.
 *
 * <p>Exit status: 0 on success; 1 when an input is bad (a malformed module, an unreadable file:
 * each is reported as {@code FILE: message} on stderr, with no stack trace) or a script run has
 * failures that are not known; 2 on a usage error, or on an unexpected exception, whose stack trace
 * is printed because it is a bug in Jawa.
 */
public final class Main {

    /** Deeply nested modules recurse deeply in the parser and printer; give them room. */
    private static final long STACK_SIZE = 512L * 1024 * 1024;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        useCodeCache();
        PrintWriter out = utf8(System.out);
        PrintWriter err = utf8(System.err);
        int[] status = {ExitStatus.UNEXPECTED};
        Thread worker = new Thread(null, () -> status[0] = run(args, out, err), "jawa", STACK_SIZE);
        worker.start();
        worker.join();
        out.flush();
        err.flush();
        System.exit(status[0]);
    }

    /** Runs the command line with the given output streams and returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new JawaCommand());
        cl.setOut(out);
        // `jawa run prog.wasm -v`: options jawa does not know are the program's arguments.
        cl.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("jawa: unexpected error (a bug in Jawa; please report it):");
            e.printStackTrace(err);
            return ExitStatus.UNEXPECTED;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /**
     * The command line keeps compiled modules in a cache (see {@code dev.jawa.jit.CodeCache}):
     * {@code $JAWA_CACHE_DIR}, else {@code $XDG_CACHE_HOME/jawa}, else {@code ~/.cache/jawa};
     * {@code JAWA_CACHE_DIR=off} turns it off, and so does a {@code jawa.cache.dir} property that
     * is set (to empty). Only the command line's process does this: the API leaves it off.
     */
    private static void useCodeCache() {
        if (System.getProperty(dev.jawa.jit.CodeCache.DIRECTORY_PROPERTY) != null) {
            return;
        }
        String dir = System.getenv("JAWA_CACHE_DIR");
        if ("off".equals(dir)) {
            return;
        }
        if (dir == null || dir.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            dir = xdg != null && !xdg.isBlank() ? xdg + "/jawa" : System.getProperty("user.home") + "/.cache/jawa";
        }
        System.setProperty(dev.jawa.jit.CodeCache.DIRECTORY_PROPERTY, dir);
    }

    private static PrintWriter utf8(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
    }
}
