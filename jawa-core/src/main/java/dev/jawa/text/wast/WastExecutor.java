package dev.jawa.text.wast;

import dev.jawa.Trap;
import dev.jawa.UnlinkableException;
import dev.jawa.WasmException;
import dev.jawa.binary.BinaryDecoder;
import dev.jawa.module.Module;
import dev.jawa.runtime.ExecutionTier;
import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.Global;
import dev.jawa.runtime.Instantiator;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.text.TextParser;
import dev.jawa.types.FuncType;
import dev.jawa.types.ValType;
import dev.jawa.validate.ValidatedModule;
import dev.jawa.validate.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes one script's commands (the {@link CheckKind#EXECUTION} checks): modules are parsed or
 * decoded, validated and instantiated against the {@code spectest} host module and the
 * registered instances; actions run on the given tier; every assertion about execution, linking
 * and instantiation is one check, passed or failed with the reason.
 *
 * <p>Commands about the formats and validation alone ({@code assert_malformed},
 * {@code assert_invalid} and their custom forms) are other runners' checks and are not counted
 * here.
 *
 * <p>Threads: {@code (thread $t (shared (module $m))* command*)} runs its commands on a new JVM
 * thread, with an executor of its own that sees only the named shared module instances (the same
 * instances, so their shared memories are shared for real) and the same {@code spectest}; its
 * checks count as the script's. {@code (wait $t)} joins it, and is itself one check: it fails if
 * the thread does not finish within {@link #THREAD_TIMEOUT_SECONDS} (it is then interrupted,
 * which ends a {@code memory.atomic.wait}). Threads never waited for are joined at the end.
 */
public final class WastExecutor {

    private final ExecutionTier tier;
    private final String file;
    private final CheckTally tally;
    /** How long {@code wait} waits for a thread. */
    static final long THREAD_TIMEOUT_SECONDS = 60;

    private final Spectest spectest;
    /** The script's threads by name, not yet waited for. */
    private final Map<String, ScriptThread> threads = new java.util.LinkedHashMap<>();
    private final Map<String, ModuleInstance> named = new HashMap<>();
    private final Map<String, ModuleInstance> registered = new HashMap<>();
    private final Map<String, ValidatedModule> definitions = new HashMap<>();
    private ModuleInstance current;

    /** An executor for the script {@code file}, recording into {@code tally}. */
    public WastExecutor(ExecutionTier tier, String file, CheckTally tally) {
        this(tier, file, tally, new Spectest());
    }

    private WastExecutor(ExecutionTier tier, String file, CheckTally tally, Spectest spectest) {
        this.tier = tier;
        this.file = file;
        this.tally = tally;
        this.spectest = spectest;
    }

    /** A {@code thread} command running on its JVM thread, with its own executor and tally. */
    private record ScriptThread(Thread thread, CheckTally tally) {
    }

    /** Runs a whole parsed script on {@code tier}; {@code name} is how reports name it. */
    public static WastRunnerFileResult run(WastScript script, String name, ExecutionTier tier) {
        CheckTally tally = new CheckTally();
        WastExecutor executor = new WastExecutor(tier, name, tally);
        for (WastCommand c : script.commands()) {
            executor.execute(c);
        }
        executor.joinAll();
        return new WastRunnerFileResult(name, tally);
    }

    /** Executes one command, recording its check (if it makes one). */
    public void execute(WastCommand command) {
        try {
            String failure = check(command);
            if (failure == NOT_COUNTED) {
                return;
            }
            if (failure == null) {
                tally.pass();
            } else {
                fail(command.line(), failure);
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(command.line(), FormatsChecks.describe(e));
        }
    }

    private static final String NOT_COUNTED = new String("not counted");

    /** Null when the command did what the script says, else why not. */
    private String check(WastCommand command) {
        switch (command) {
            case WastCommand.ModuleCmd c -> {
                ValidatedModule m = load(c.source());
                if (c.definition()) {
                    if (c.name() != null) {
                        definitions.put(c.name(), m);
                    }
                    return null;
                }
                current = null;
                ModuleInstance inst = Instantiator.instantiate(m, this::resolve, tier);
                current = inst;
                if (c.name() != null) {
                    named.put(c.name(), inst);
                }
                return null;
            }
            case WastCommand.ModuleInstance c -> {
                ValidatedModule m = definitions.get(c.definition());
                if (m == null) {
                    return "unknown module definition " + c.definition();
                }
                current = Instantiator.instantiate(m, this::resolve, tier);
                if (c.instance() != null) {
                    named.put(c.instance(), current);
                }
                return null;
            }
            case WastCommand.Register c -> {
                ModuleInstance inst = c.module() == null ? current : named.get(c.module());
                if (inst == null) {
                    return "no module to register";
                }
                registered.put(c.as(), inst);
                return null;
            }
            case WastCommand.ActionCmd c -> {
                perform(c.action());
                return null;
            }
            case WastCommand.AssertReturn c -> {
                return WastResults.compare(perform(c.action()), c.expected());
            }
            case WastCommand.AssertTrap c -> {
                return expectTrap(() -> perform(c.action()), c.message());
            }
            case WastCommand.AssertExhaustion c -> {
                return expectTrap(() -> perform(c.action()), c.message());
            }
            case WastCommand.AssertModuleTrap c -> {
                ValidatedModule m = load(c.module());
                return expectTrap(() -> Instantiator.instantiate(m, this::resolve, tier), c.message());
            }
            case WastCommand.AssertUninstantiable c -> {
                ValidatedModule m = load(c.module());
                return expectTrap(() -> Instantiator.instantiate(m, this::resolve, tier), c.message());
            }
            case WastCommand.AssertUnlinkable c -> {
                ValidatedModule m = load(c.module());
                try {
                    Instantiator.instantiate(m, this::resolve, tier);
                    return "instantiated; expected unlinkable (\"" + c.message() + "\")";
                } catch (UnlinkableException e) {
                    return e.reason().startsWith(c.message()) ? null
                            : "unlinkable with \"" + e.getMessage() + "\", expected \"" + c.message() + "\"";
                }
            }
            case WastCommand.AssertException c -> {
                try {
                    perform(c.action());
                    return "returned; expected an uncaught exception";
                } catch (dev.jawa.WebAssemblyException e) {
                    return null;
                }
            }
            case WastCommand.Thread c -> {
                return startThread(c);
            }
            case WastCommand.Wait c -> {
                ScriptThread t = threads.remove(c.thread());
                return t == null ? "no running thread " + c.thread() : join(t);
            }
            case WastCommand.AssertMalformed c -> {
                return NOT_COUNTED;
            }
            case WastCommand.AssertMalformedCustom c -> {
                return NOT_COUNTED;
            }
            case WastCommand.AssertInvalid c -> {
                return NOT_COUNTED;
            }
            case WastCommand.AssertInvalidCustom c -> {
                return NOT_COUNTED;
            }
        }
    }

    /** Starts a {@code thread} command; null, or why it could not start. */
    private String startThread(WastCommand.Thread c) {
        if (c.name() != null && threads.containsKey(c.name())) {
            return "thread " + c.name() + " is already running";
        }
        CheckTally childTally = new CheckTally();
        WastExecutor child = new WastExecutor(tier, file, childTally, spectest);
        for (String m : c.sharedModules()) {
            ModuleInstance inst = named.get(m);
            if (inst == null) {
                return "unknown shared module " + m;
            }
            child.named.put(m, inst);
        }
        Runnable body = () -> {
            for (WastCommand command : c.commands()) {
                child.execute(command);
            }
            child.joinAll();
        };
        // A thread of its own size of stack, like the test JVM's main thread (deep recursion in
        // scripts must exhaust WebAssembly's limit, not the JVM's).
        Thread t = new Thread(null, body, "wast thread " + (c.name() == null ? "" : c.name()), 16L << 20);
        t.setDaemon(true);
        t.start();
        threads.put(c.name() == null ? "#" + c.line() : c.name(), new ScriptThread(t, childTally));
        return NOT_COUNTED;
    }

    /** Joins a thread and takes its checks; null, or why the join failed. */
    private String join(ScriptThread t) {
        try {
            t.thread().join(java.time.Duration.ofSeconds(THREAD_TIMEOUT_SECONDS));
            if (t.thread().isAlive()) {
                t.thread().interrupt();
                t.thread().join(java.time.Duration.ofSeconds(5));
                if (t.thread().isAlive()) {
                    return "thread did not finish within " + THREAD_TIMEOUT_SECONDS + " s, nor when interrupted";
                }
                tally.add(t.tally());
                return "thread did not finish within " + THREAD_TIMEOUT_SECONDS + " s (interrupted)";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the thread";
        }
        tally.add(t.tally());
        return null;
    }

    /** Waits for the threads the script never waited for, taking their checks. */
    private void joinAll() {
        for (var e : List.copyOf(threads.entrySet())) {
            threads.remove(e.getKey());
            String failure = join(e.getValue());
            if (failure != null) {
                fail(0, e.getKey() + ": " + failure);
            }
        }
    }

    private String expectTrap(Runnable r, String expected) {
        try {
            r.run();
            return "completed; expected the trap \"" + expected + "\"";
        } catch (Trap t) {
            return t.reason().startsWith(expected) ? null
                    : "trapped with \"" + t.getMessage() + "\", expected \"" + expected + "\"";
        }
    }

    private ValidatedModule load(ModuleSource source) {
        Module m = switch (source) {
            case ModuleSource.Text t -> TextParser.parseModule(t.source(), t.start(), t.end());
            case ModuleSource.Quote q -> TextParser.parseModule(q.text(), 0, q.text().length());
            case ModuleSource.Binary b -> BinaryDecoder.decode(b.bytes());
        };
        return Validator.validate(m);
    }

    private Object resolve(String module, String name) {
        if (module.equals("spectest")) {
            return spectest.export(name);
        }
        ModuleInstance inst = registered.get(module);
        return inst == null ? null : inst.export(name);
    }

    /** The values an action produced, with their types. */
    record Results(List<ValType> types, long[] values, Object[] refs) {
    }

    private Results perform(Action action) {
        ModuleInstance inst = action instanceof Action.Invoke i ? instance(i.module()) : instance(((Action.Get) action).module());
        switch (action) {
            case Action.Invoke i -> {
                Object f = inst.export(i.name());
                if (!(f instanceof FunctionInstance fn)) {
                    throw new WasmException("no exported function \"" + i.name() + "\"");
                }
                FuncType type = fn.funcType();
                int n = Math.max(type.params().size(), type.results().size());
                long[] values = new long[Math.max(n, i.args().size())];
                Object[] refs = new Object[values.length];
                for (int k = 0; k < i.args().size(); k++) {
                    WastResults.toRaw(i.args().get(k), values, refs, k);
                }
                fn.invoke(values, refs);
                return new Results(type.results(), values, refs);
            }
            case Action.Get g -> {
                Object x = inst.export(g.name());
                if (!(x instanceof Global global)) {
                    throw new WasmException("no exported global \"" + g.name() + "\"");
                }
                return new Results(List.of(global.type().valType()), new long[] {global.bits},
                        new Object[] {global.ref});
            }
        }
    }

    private ModuleInstance instance(String name) {
        ModuleInstance inst = name == null ? current : named.get(name);
        if (inst == null) {
            throw new WasmException(name == null ? "no current module" : "unknown module " + name);
        }
        return inst;
    }

    private void fail(int line, String message) {
        tally.fail(new CheckFailure(file, line, CheckKind.EXECUTION, "exec", message));
    }
}
