package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Function;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.validate.ValidatedModule;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What Tier.AUTO compiles, when and where. Compilation runs on one background daemon thread shared
 * by all engines, so the interpreter keeps running meanwhile and a JVM never waits for the
 * compiler to exit; jobs are kept per module (weakly), so every instance and engine shares them.
 *
 * <ul>
 *   <li>A module with at most {@link #WHOLE_MODULE_BYTES} of code is compiled whole, with OSR
 *       entries, the first time one of its functions gets hot: every call between its functions
 *       is then a direct invokestatic that HotSpot can inline.</li>
 *   <li>A larger module is compiled in chunks, so that its first hot function does not wait for
 *       megabytes of cold code: a hot function is compiled with the functions it calls directly
 *       (breadth first, while the chunk stays under {@link #CHUNK_BYTES}) into a class of its own;
 *       calls out of the chunk go through the callee's instance (and reach its compiled code once
 *       it has some).</li>
 * </ul>
 */
final class TieringPolicy {

    /** Modules with at most this much code are compiled whole. */
    static final long WHOLE_MODULE_BYTES = 512 * 1024;
    /** The code a chunk takes besides its hot function. */
    static final long CHUNK_BYTES = 64 * 1024;

    private static final ExecutorService COMPILER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jawa-compiler");
        t.setDaemon(true);
        return t;
    });

    private static final Map<ValidatedModule, ModuleJobs> JOBS = Collections.synchronizedMap(new WeakHashMap<>());

    /** With the system property {@code jawa.tier.verbose}, what tiering does goes to stderr (diagnostics). */
    static final boolean VERBOSE = Boolean.getBoolean("jawa.tier.verbose");

    private TieringPolicy() {
    }

    static void log(String what) {
        if (VERBOSE) {
            System.err.printf("jawa tiering %.3f s: %s%n", (System.nanoTime() - START) / 1e9, what);
        }
    }

    private static final long START = System.nanoTime();

    private static ModuleJobs jobs(ValidatedModule module) {
        synchronized (JOBS) {
            return JOBS.computeIfAbsent(module, ModuleJobs::new);
        }
    }

    /** The job compiling defined function {@code defined} of {@code module}, started now if needed. */
    static Job request(ValidatedModule module, int defined) {
        return jobs(module).request(module, defined);
    }

    /** Makes {@code code} (loaded ahead of time) the finished whole-module job of {@code module}. */
    static void preset(ValidatedModule module, ModuleCode code) {
        Job job = new Job();
        job.result.complete(code);
        jobs(module).presetWhole(job);
    }

    /** The whole-module job of {@code module} if there is one, else null (starts nothing). */
    static Job peek(ValidatedModule module) {
        ModuleJobs jobs = JOBS.get(module);
        return jobs == null ? null : jobs.whole;
    }

    /** One module's jobs: one for all of it, or one per chunk. */
    private static final class ModuleJobs {

        private final boolean chunked;
        private Job whole;
        /** Per defined function, the job of the chunk holding it (chunked modules). */
        private final Job[] byFunction;

        ModuleJobs(ValidatedModule module) {
            long code = 0;
            for (Function f : module.module().functions()) {
                code += f.body().length();
            }
            chunked = code > WHOLE_MODULE_BYTES;
            byFunction = chunked ? new Job[module.module().functions().size()] : null;
        }

        synchronized void presetWhole(Job job) {
            whole = job;
        }

        synchronized Job request(ValidatedModule module, int defined) {
            if (whole != null || !chunked) {
                if (whole == null) {
                    Job job = new Job();
                    whole = job;
                    log("compiling the module (" + module.module().functions().size() + " functions), function "
                            + defined + " is hot");
                    COMPILER.execute(() -> job.run(() -> CodeCache.compile(module, true)));
                }
                return whole;
            }
            Job job = byFunction[defined];
            if (job == null) {
                boolean[] include = chunk(module.module(), defined, byFunction);
                Job made = new Job();
                for (int d = 0; d < include.length; d++) {
                    if (include[d]) {
                        byFunction[d] = made;
                    }
                }
                log("compiling a chunk around function " + defined);
                COMPILER.execute(() -> made.run(() -> ModuleCompiler.compileChunk(module, include)));
                job = made;
            }
            return job;
        }
    }

    /**
     * The chunk of a hot function: it and, breadth first, the defined functions it calls directly
     * that no other chunk holds, while their code fits in {@link #CHUNK_BYTES}.
     */
    static boolean[] chunk(Module wasm, int hot, Job[] taken) {
        int imported = wasm.importedFuncCount();
        int n = wasm.functions().size();
        boolean[] include = new boolean[n];
        include[hot] = true;
        long budget = CHUNK_BYTES;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(hot);
        while (!queue.isEmpty() && budget > 0) {
            Function def = wasm.functions().get(queue.poll());
            InstructionReader in = def.body().reader();
            int length = def.body().length();
            while (in.position() < length && budget > 0) {
                Opcode op = in.next();
                if (op == Opcode.CALL) {
                    int d = in.index() - imported;
                    if (d >= 0 && !include[d] && taken[d] == null) {
                        int size = wasm.functions().get(d).body().length();
                        if (size <= budget) {
                            include[d] = true;
                            budget -= size;
                            queue.add(d);
                        }
                    }
                }
            }
        }
        return include;
    }

    /** One compilation: its code, or null if the compiler failed on it. */
    static final class Job {

        private final CompletableFuture<ModuleCode> result = new CompletableFuture<>();
        /** Why the code was not compiled, if it was not (for whoever investigates). */
        volatile Throwable failure;

        private void run(java.util.function.Supplier<ModuleCode> compile) {
            ModuleCode code;
            try {
                code = compile.get();
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                // The functions stay in the interpreter.
                failure = e;
                code = null;
            }
            log(code == null ? "compiling failed: " + failure : "compiled");
            result.complete(code);
        }

        boolean isDone() {
            return result.isDone();
        }

        /** The code, once done (null if the compiler failed or it is not done yet). */
        ModuleCode code() {
            return result.getNow(null);
        }

        /** Waits for the job (for tests and measurements). */
        ModuleCode await() {
            return result.join();
        }
    }
}
