/**
 * Runtime structures (spec core/exec/runtime) and instantiation, independent of how code runs.
 *
 * <p>{@link dev.jawa.runtime.Memory} is a {@code byte[]} read through little-endian array-view
 * VarHandles (up to 32,767 pages; larger and 64-bit-sized memories need another backing behind
 * the same methods). {@link dev.jawa.runtime.Table} holds references in an {@code Object[]};
 * {@link dev.jawa.runtime.Global} a raw {@code long} or an object. Reference values are plain
 * Java objects: null is the null reference, a funcref is its
 * {@link dev.jawa.runtime.FunctionInstance}, and {@link dev.jawa.runtime.StructRef},
 * {@link dev.jawa.runtime.ArrayRef}, {@link dev.jawa.runtime.I31Ref},
 * {@link dev.jawa.runtime.ExceptionInstance} and host objects ({@link dev.jawa.runtime.ExternRef}
 * for scripts) the rest; extern.convert_any and any.convert_extern keep the object.
 *
 * <p>{@link dev.jawa.runtime.Instantiator} follows the spec's order: imports matched by type with
 * subtyping ({@link dev.jawa.UnlinkableException} "unknown import" / "incompatible import type"),
 * globals in order, tables, memories, tags, segments evaluated, exports, active element then data
 * segments applied in order (a trap leaves earlier effects), then the start function. Code runs
 * on an {@link dev.jawa.runtime.ExecutionTier} (the interpreter; a compiler later).
 */
package dev.jawa.runtime;
