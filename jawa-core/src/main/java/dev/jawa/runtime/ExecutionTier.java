package dev.jawa.runtime;

/** An execution tier: runs WebAssembly functions (the interpreter now; a compiler later). */
public interface ExecutionTier {

    /** Calls {@code f} with raw values (see {@link FunctionInstance#invoke}). */
    void invoke(WasmFunction f, long[] values, Object[] refs);
}
