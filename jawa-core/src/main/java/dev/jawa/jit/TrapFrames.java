package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.module.Names;
import dev.jawa.runtime.CompiledCodeLines;
import java.lang.constant.ClassDesc;

/**
 * The WebAssembly stack of a trap in compiled code. Every compiled method has an exception
 * handler over its whole body that adds the method's function to a passing {@link Trap} and
 * rethrows it, as the interpreter does frame by frame. The handler costs nothing until a trap
 * (HotSpot keeps exception tables off the normal path); the JVM's own stack trace cannot serve,
 * since frames of hidden classes are left out of it. The code offset of each frame comes from
 * the line numbers of the compiled methods (see {@link CompiledCodeLines}).
 */
final class TrapFrames {

    static final ClassDesc CD = ClassDesc.of(TrapFrames.class.getName());

    static {
        // Every compiled method's handler names this class, so it is set up before any exists.
        CompiledCodeLines.compiledCodeExists();
    }

    private TrapFrames() {
    }

    /** Adds function {@code index} of {@code ctx}'s module as the next outer frame of {@code t}. */
    static Trap add(Trap t, int index, JitContext ctx) {
        Names names = ctx.instance.module().module().names();
        t.addCompiledFrame(names.module(), index, names.functions().get(index));
        return t;
    }
}
