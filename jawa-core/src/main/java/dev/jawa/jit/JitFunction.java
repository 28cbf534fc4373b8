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

    /** The handle with the raw convention: {@code (long[] values, Object[] refs) void} (see {@link BridgeEmitter}). */
    final MethodHandle raw;

    /** {@link #handle} taking (and ignoring) a FunctionInstance first, as {@link JitCalls#target} returns. */
    final MethodHandle target;

    JitFunction(MethodHandle handle, MethodHandle tailHandle, MethodHandle raw) {
        this.handle = handle;
        this.target = java.lang.invoke.MethodHandles.dropArguments(handle, 0, dev.jawa.runtime.FunctionInstance.class);
        this.tailHandle = tailHandle;
        this.raw = raw;
    }
}
