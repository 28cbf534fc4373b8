/**
 * The interpreter tier.
 *
 * <h2>Translation</h2>
 * Each function is translated once, on its first call in any instance of its module
 * ({@link dev.jawa.interp.Interpreter}; instance-free templates are shared through a weak
 * per-module cache), by {@link dev.jawa.interp.Translator}: one pass over the body bytes with the
 * validator's branch side table ({@link dev.jawa.validate.FunctionInfo}) giving every branch
 * target and stack height, so no control stack is rebuilt. The result is one {@code int[]}:
 * operation numbers from {@link dev.jawa.interp.Ops} (0 to 193 are the
 * {@link dev.jawa.module.Opcode} ordinals of the single-byte opcodes; 194 and up the
 * interpreter's own forms), immediates inline, branch targets as absolute code indices, heights
 * frame-relative. Every prefixed instruction (bulk memory, saturating truncation, SIMD, GC,
 * atomics) and a few rare ones run as {@code EXT} in helper classes ({@code Ext}, {@code Simd},
 * {@code Gc}, {@code Atomics}), which keeps the dispatch loop around 7.1 KB of bytecode, under
 * HotSpot's 8000-byte limit for compiling a method.
 *
 * <h2>Values and frames</h2>
 * A thread's {@code Machine} holds two parallel arrays: {@code long[]} for numbers as raw bits
 * (i32 sign-extended, f32/f64 raw IEEE bits) and {@code Object[]} for references and v128 values
 * (immutable {@link dev.jawa.runtime.V128}s), one slot per value whatever its type, matching the
 * side table's heights. A frame is its locals (parameters first, then declared locals, then
 * hidden slots for legacy catch arms) followed by its operand stack; a call turns the caller's
 * top operands into the callee's first locals in place. Calls between WebAssembly functions never
 * recurse in Java: an explicit frame stack (return pc, frame pointer, code) bounds recursion by
 * the configured depth (trap "call stack exhausted") and lets tail calls reuse the frame.
 *
 * <h2>Exceptions and traps</h2>
 * try_table and legacy try blocks become a per-function handler table
 * ({@code [start, end, count, clauses...]}, innermost first); a {@link dev.jawa.WebAssemblyException}
 * unwinds frame by frame to the first clause that matches. A {@link dev.jawa.Trap} unwinds
 * everything and records the WebAssembly frames.
 *
 * <h2>Tiering up</h2>
 * Each function's {@code Compiled} counts calls and backward branches (the translator gives
 * branches to enclosing loops their own operations, {@code BR_BACK} and {@code BR_IF_BACK}, so
 * forward branches pay nothing). When the count runs out the machine asks its
 * {@link dev.jawa.interp.TierUp} (none for {@code Tier.INTERP}): calls then leave for compiled
 * code, and a loop can be handed over with the frame's locals (on-stack replacement).
 *
 * <h2>HotSpot</h2>
 * At the comparison's sizes a large share of a run is HotSpot's warm-up of this one loop: its
 * compiled code first leaves out the cases the profile has not seen, and the first unseen one
 * deoptimizes it and recompiles the whole loop, while the program runs in slow profiling code
 * (C1 tests a {@code switch}'s cases one by one). So the loop's size and its loop-carried values
 * (which C2's register allocator spends most of that compile on) matter, and paths that cannot
 * run (a tier-up budget running out without a {@link dev.jawa.interp.TierUp}) are avoided.
 * <p>
 * Conditional branches in the loop whose untaken side HotSpot has not profiled are compiled as
 * uncommon traps; taking one later deoptimizes and recompiles the whole loop, which is costly for
 * a method this size. So integer comparisons, {@code if}, {@code br_if} and {@code select} are
 * branch-free arithmetic ({@code Cmp}).
 */
package dev.jawa.interp;
