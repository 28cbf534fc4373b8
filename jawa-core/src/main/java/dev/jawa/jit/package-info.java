/**
 * The compiler tier: WebAssembly functions compiled to JVM bytecode (java.lang.classfile), which
 * HotSpot then compiles to machine code.
 *
 * <h2>Shape of the code</h2>
 * {@link dev.jawa.jit.JitTier} compiles a module on first use into hidden classes
 * ({@code ModuleCompiler}; one per 256 KB of code, {@code ClassSplit}, each compiled when first
 * called into, {@code ModuleCompilation}; calls between them through static final method handles,
 * {@code ClassLinks}): a static method per defined function, with JVM-typed parameters (i32
 * int, i64 long, f32 float, f64 double, references and v128 Object) and the instance's
 * {@code JitContext} last. WebAssembly locals are JVM locals, the operand stack is the JVM
 * stack, constructs are labels and gotos ({@code Control} explains the stack at a label).
 * Direct calls are invokestatic; other calls go through method handles ({@code JitCalls}).
 * The class file is version 49 without stack maps ({@code JitClassFile}): stack-map generation
 * was the costliest step of a cold compile, and HotSpot verifies such classes by type inference;
 * so emitters must use nothing newer than Java 5's class file (no invokedynamic, no dynamic or
 * method-handle constants).
 *
 * <h2>Tiering, on-stack replacement, ahead of time</h2>
 * {@link dev.jawa.jit.TieredTier} is {@code Tier.AUTO}: the interpreter runs first and counts
 * calls and backward branches per function ({@link dev.jawa.interp.TierUp}); a hot function sends
 * its module (or, over 512 KB of code, a chunk: the function and its direct callees) to the
 * background compiler ({@code TieringPolicy}). Once compiled, calls to it go to compiled code
 * ({@code WasmFunction.compiledCode}), and a loop still running in the interpreter moves over at
 * its next backward branch: {@code OsrEntry} compiles a second method per function with loops,
 * which takes the interpreter's locals and the loop's body offset and jumps to that loop's head.
 * Functions the compiler does not handle call back into the interpreter ({@code ModuleCode.fallback}).
 * {@code ClassImage} is a module's compiled classes with their metadata, as {@code AotArchive}
 * ({@code jawa compile}) and {@code CodeCache} (keyed by the module's SHA-256 and
 * {@code CodeVersion}) store them, so loading it again defines the classes without compiling.
 *
 * <h2>Instruction families</h2>
 * {@code FunctionCompiler} keeps the operand stack's JVM types and the open constructs, and offers
 * each instruction to the {@code InstructionFamily} implementations in turn, one file per family:
 * {@code ControlEmitter}, {@code VariableEmitter}, {@code NumericEmitter}, {@code MemoryEmitter},
 * {@code CallEmitter}, {@code ReferenceEmitter}, {@code TableEmitter}, {@code GcEmitter}
 * (structs, arrays, casts: {@code JitGc}), {@code ExceptionEmitter} (JVM exception-table entries:
 * {@code TryBlock}, {@code JitExceptions}), {@code SimdEmitter} (every v128 instruction, fixed-width
 * and relaxed, as a call of a small helper named after the opcode: {@code SimdLanes},
 * {@code SimdMemory}, {@code SimdArith}, {@code SimdInts}, {@code SimdFloats}, {@code SimdWiden};
 * a v128 is a {@code V128} object) and {@code AtomicEmitter} (the threads proposal, through
 * {@code AtomicAccess} into {@link dev.jawa.runtime.MemoryAtomics}, the interpreter's atomics
 * too: lock-free VarHandles on a shared memory's native pages, the memory's monitor on a
 * {@code byte[]} one). A family that cannot compile an
 * instruction throws {@link dev.jawa.runtime.UnsupportedInstructionException} (failing that
 * function when it is called, never the module, never silently); none does now.
 *
 * <h2>Adding a family</h2>
 * <ol>
 *   <li>In the family's {@code emit}, handle the opcodes: emit bytecode with {@code fc.cb}, and
 *       keep the type stack right with {@code fc.pop()}/{@code fc.push(kind)} (fixed-signature
 *       numeric instructions are typed from {@code Opcode.stack()} automatically in
 *       NumericEmitter; everything else types itself). Return false for opcodes that are not
 *       yours.</li>
 *   <li>Put non-trivial semantics in small static helper methods of a class of your own in this
 *       package (like {@code JitRuntime}, {@code MemoryAccess}), so the generated methods stay
 *       small and HotSpot inlines the helpers.</li>
 *   <li>Make {@code checkSupported} (used on dead code and by {@code ModuleCompiler}'s precheck)
 *       stop rejecting what you now compile.</li>
 *   <li>Remove the now passing {@code exec-jit} lines from {@code known-failures.txt}.</li>
 * </ol>
 * Helpers for emitters: {@code fc.spill(n)}/{@code fc.reload(slots)} to get at values below the
 * top, {@code fc.operandsAsLongs(n)} for addresses and counts, {@code fc.branch(depth)} for any
 * branch, {@code fc.jumpIf(whenFalse, label)} for a conditional jump on the i32 on top (it uses a
 * comparison left pending by NumericEmitter, see {@code Condition}), {@code fc.markDead()} after
 * an instruction that does not fall through.
 *
 * <h2>Huge functions</h2>
 * A function past {@code jawa.jit.splitBytes} (2,000 bytes of WebAssembly by default) is split
 * into several methods by {@code FunctionSplitter}: the rest of a construct becomes a region
 * method ({@code SplitRegion}) that takes the used locals in frame arrays and returns where
 * control goes on, so no method passes HotSpot's 8,000-byte compile limit.
 */
package dev.jawa.jit;
