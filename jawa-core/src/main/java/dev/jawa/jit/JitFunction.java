package dev.jawa.jit;

import java.lang.invoke.MethodHandle;

/**
 * A compiled function of one instance, kept in {@code WasmFunction.tierCode}: the handle of its
 * static method with the instance's context bound (type {@link JvmTypes#handleType}).
 */
final class JitFunction {

    final MethodHandle handle;

    JitFunction(MethodHandle handle) {
        this.handle = handle;
    }
}
