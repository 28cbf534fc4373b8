package dev.jawa.runtime;

import java.util.List;

/**
 * Where compiled code was when a trap was made. The compiler tier gives each method it generates
 * a line number table whose "line" is the WebAssembly body offset of the instruction (see
 * {@link #line(int)}), so the JVM keeps the position for free and the trap path reads it back
 * from the live stack. Frames of the compiler tier's classes are hidden classes, which
 * {@link Throwable#getStackTrace()} leaves out, so the stack is read with a {@link StackWalker}
 * that shows hidden frames, once, when the trap is made (its compiled frames are still live
 * then; each method's exception handler, which adds its WebAssembly frame, runs later, when the
 * frames inside it are gone).
 */
public final class CompiledCodeLines {

    /** The name of every class of compiled WebAssembly code starts with this. */
    public static final String CLASS_PREFIX = "dev.jawa.jit.Compiled";

    /** The largest line number a class file can hold; it stands for an unknown offset. */
    private static final int UNKNOWN_LINE = 0xFFFF;

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES);

    /** Whether any compiled code was generated: until then a trap need not look at the stack. */
    private static volatile boolean anyCompiledCode;

    private CompiledCodeLines() {
    }

    /** Tells that compiled code exists from now on (the compiler tier calls this before generating any). */
    public static void compiledCodeExists() {
        anyCompiledCode = true;
    }

    /** The line number that stands for body offset {@code offset} (1-based; large offsets are unknown). */
    public static int line(int offset) {
        return offset < UNKNOWN_LINE - 1 ? offset + 1 : UNKNOWN_LINE;
    }

    /** The body offset line {@code line} stands for; -1 if unknown. */
    public static int offset(int line) {
        return line > 0 && line < UNKNOWN_LINE ? line - 1 : -1;
    }

    /**
     * The compiled WebAssembly methods on the current thread's stack, innermost first (methods
     * without line numbers, such as bridges, are left out); nothing until compiled code exists.
     */
    public static Frames onStack() {
        if (!anyCompiledCode) {
            return Frames.NONE;
        }
        List<StackWalker.StackFrame> frames = WALKER.walk(s -> s
                .filter(f -> f.getClassName().startsWith(CLASS_PREFIX) && f.getLineNumber() > 0)
                .toList());
        if (frames.isEmpty()) {
            return Frames.NONE;
        }
        String[] methods = new String[frames.size()];
        int[] offsets = new int[frames.size()];
        for (int i = 0; i < offsets.length; i++) {
            methods[i] = frames.get(i).getMethodName();
            offsets[i] = offset(frames.get(i).getLineNumber());
        }
        return new Frames(methods, offsets);
    }

    /**
     * Compiled methods that were on a stack, taken by WebAssembly frame while a trap unwinds.
     * The compiler tier names the method of function N's body {@code fN} (or {@code tN}, its form
     * for tail calls), and a stretch of a large body split off into a method of its own
     * {@code rN$K}: one WebAssembly call is its body's method and the split-off ones it runs,
     * above it on the stack.
     */
    public static final class Frames {

        static final Frames NONE = new Frames(new String[0], new int[0]);

        private final String[] methods;
        private final int[] offsets;
        private int next;

        private Frames(String[] methods, int[] offsets) {
            this.methods = methods;
            this.offsets = offsets;
        }

        /**
         * The body offset of the next outer call of function {@code index}: where its innermost
         * method was; -1 if it is not among these frames (then nothing is taken).
         */
        public int nextOffset(int index) {
            String body = "f" + index;
            String tailBody = "t" + index;
            for (int i = next; i < methods.length; i++) {
                if (methods[i].equals(body) || methods[i].equals(tailBody)) {
                    int offset = offsets[next];
                    next = i + 1;
                    return offset;
                }
            }
            return -1;
        }
    }
}
