package dev.jawa.jit;

import java.lang.invoke.MethodHandle;

/**
 * A compiled function of one instance, kept in {@code WasmFunction.tierCode}: the handle of its
 * static method with the instance's context bound (type {@link JvmTypes#handleType}).
 */
final class JitFunction {

    final MethodHandle handle;
    /**
     * For a function containing tail calls, its body's handle (returning the boxed result or a
     * pending tail call, see {@link JitTail}); else null.
     */
    final MethodHandle tailHandle;

    JitFunction(MethodHandle handle, MethodHandle tailHandle) {
        this.handle = handle;
        this.tailHandle = tailHandle;
    }
}
