package dev.jawa.jit;

import dev.jawa.validate.ValidatedModule;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * When and where Tier.AUTO compiles: a module is compiled whole (with OSR entries) the first time
 * one of its functions gets hot, on one background daemon thread shared by all engines, so the
 * interpreter keeps running meanwhile and a JVM never waits for the compiler to exit. Jobs are
 * kept per module (weakly), so every instance and engine shares one compilation.
 */
final class TieringPolicy {

    private static final ExecutorService COMPILER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jawa-compiler");
        t.setDaemon(true);
        return t;
    });

    private static final Map<ValidatedModule, Job> JOBS = Collections.synchronizedMap(new WeakHashMap<>());

    private TieringPolicy() {
    }

    /** The compile job of {@code module}, started now if this is the first request. */
    static Job request(ValidatedModule module) {
        Job job = JOBS.get(module);
        if (job == null) {
            synchronized (JOBS) {
                job = JOBS.get(module);
                if (job == null) {
                    job = new Job();
                    JOBS.put(module, job);
                    Job started = job;
                    COMPILER.execute(() -> started.run(module));
                }
            }
        }
        return job;
    }

    /** Makes {@code code} (loaded ahead of time) the finished job of {@code module}. */
    static void preset(ValidatedModule module, ModuleCode code) {
        Job job = new Job();
        job.result.complete(code);
        JOBS.put(module, job);
    }

    /** The job of {@code module} if one was requested, else null (starts nothing). */
    static Job peek(ValidatedModule module) {
        return JOBS.get(module);
    }

    /** One module's compilation: its code, or null if the compiler failed on the module. */
    static final class Job {

        private final CompletableFuture<ModuleCode> result = new CompletableFuture<>();

        private void run(ValidatedModule module) {
            ModuleCode code;
            try {
                code = CodeCache.compile(module, true);
            } catch (RuntimeException | LinkageError e) {
                // The module stays in the interpreter; the reason is kept for whoever asks.
                failure = e;
                code = null;
            }
            result.complete(code);
        }

        /** Why the module was not compiled, if it was not. */
        volatile Throwable failure;

        boolean isDone() {
            return result.isDone();
        }

        /** The code, once done (null if the compiler failed on this module or not done yet). */
        ModuleCode code() {
            return result.getNow(null);
        }

        /** Waits for the job (for tests and measurements). */
        ModuleCode await() {
            return result.join();
        }
    }
}
