package dev.jawa.jit;

import dev.jawa.WasmException;
import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Function;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.UnsupportedInstructionException;
import dev.jawa.types.FuncType;
import dev.jawa.validate.ValidatedModule;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.AccessFlag;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles a module into hidden classes: a static method {@code f<index>} per defined function
 * (JVM-typed parameters, then the {@link JitContext}), plus one dispatcher per signature used by
 * indirect calls. A module of up to {@link ClassSplit#DEFAULT_CLASS_BYTES} of code is one class; a
 * larger one is spread over several (a class file's constant pool and method count are limited),
 * whose calls to each other go through {@link ClassLinks}. The classes are shared by all instances
 * of the module and, being hidden, are unloaded with the module. One ModuleCompiler builds one
 * class.
 *
 * <p>A function the compiler cannot handle yet (an instruction of an unsupported family, or too
 * large for one JVM method) gets a method that throws the reason when called, so the rest of the
 * module still runs compiled and the failure is never silent.
 */
final class ModuleCompiler {

    /**
     * Bodies longer than this many bytes of WebAssembly may exceed the 64 KiB a JVM method can hold:
     * they are first compiled alone, and if they do not fit they are not compiled (splitting them
     * is a later step). Below it, a body always fits (a byte of WebAssembly never becomes more
     * than about 12 bytes of bytecode, and 12 x 5,000 is under 64 KiB).
     */
    static final int TRIAL_BODY_BYTES = 5_000;

    final ValidatedModule validated;
    final Module wasm;
    /** This class's name (a hidden class: the JVM appends a unique suffix). */
    final ClassDesc classDesc;
    private final Map<MethodTypeDesc, String> dispatchers = new LinkedHashMap<>();
    private final Map<MethodTypeDesc, FuncType> dispatcherTypes = new LinkedHashMap<>();
    private final java.util.Set<String> bridges = new java.util.HashSet<>();
    /** Regions split off functions, waiting for their methods (see {@link FunctionSplitter}). */
    final java.util.ArrayDeque<SplitRegion> regions = new java.util.ArrayDeque<>();
    private int regionCount;
    /** Where functions are split (see {@link FunctionSplitter}; read when the compilation starts). */
    final int splitBytes;
    /** Set while {@link FunctionSplitter#fitsWhole} compiles a function unsplit on trial. */
    boolean wholeTrial;

    /** A new name for a region of function {@code funcIndex}. */
    String regionName(int funcIndex) {
        return "r" + funcIndex + "$" + regionCount++;
    }

    /** Whether functions with loops also get an on-stack-replacement entry ({@link OsrEntry}). */
    private final boolean osrEntries;
    /**
     * Per defined function, the class (of this compilation) holding it, or -1 if none does (a
     * function outside the chunk compiled, see {@link TieringPolicy}): calls to those go through
     * their instances, like calls to imports.
     */
    private final int[] partOf;
    /** The class this compiler builds (an index into the classes of {@link #partOf}). */
    private final int part;
    /** Functions of other classes this one calls, with their method descriptors (see {@link ClassLinks}). */
    private final Map<Integer, MethodTypeDesc> links = new LinkedHashMap<>();

    /** Functions with more bytes of code than this are first compiled alone (see {@link #TRIAL_BODY_BYTES}). */
    private final int trialAbove;

    private ModuleCompiler(ValidatedModule validated, int trialAbove, boolean osrEntries, int[] partOf, int part,
            int splitBytes) {
        this.trialAbove = trialAbove;
        this.splitBytes = splitBytes;
        this.validated = validated;
        this.wasm = validated.module();
        this.osrEntries = osrEntries;
        this.partOf = partOf;
        this.part = part;
        this.classDesc = ClassDesc.of(part == 0 ? "dev.jawa.jit.CompiledWasm" : "dev.jawa.jit.CompiledWasm$" + part);
    }

    /** Whether function {@code funcIndex} has a method in this class. */
    boolean isInClass(int funcIndex) {
        int d = funcIndex - wasm.importedFuncCount();
        return d >= 0 && partOf[d] == part;
    }

    /**
     * Whether function {@code funcIndex} has a method in this class or another of this
     * compilation: a call to it is an invokestatic of {@link #callName} in this class (else it goes
     * through its instance).
     */
    boolean isCompiledHere(int funcIndex) {
        int d = funcIndex - wasm.importedFuncCount();
        return d >= 0 && partOf[d] >= 0;
    }

    /**
     * The method of this class a direct call to {@code funcIndex} invokes: its own method if it is
     * in this class, else a link stub to its class (made on first use, see {@link ClassLinks}).
     */
    String callName(int funcIndex) {
        if (isInClass(funcIndex)) {
            return methodName(funcIndex);
        }
        links.putIfAbsent(funcIndex, JvmTypes.methodDesc(wasm.funcType(wasm.funcTypeIndex(funcIndex))));
        return ClassLinks.name(funcIndex);
    }

    /**
     * Compiles the defined functions marked in {@code include} (with OSR entries) into classes of
     * their own; the others are left out (recorded as not compiled).
     */
    static ModuleCode compileChunk(ValidatedModule module, boolean[] include) {
        return new ModuleCompilation(module, true, include).image().define(module.module());
    }

    /** Compiles {@code module} and defines its hidden classes. */
    static ModuleCode compile(ValidatedModule module) {
        return compile(module, false);
    }

    /** Compiles {@code module}, with OSR entries if {@code osrEntries}, and defines its hidden classes. */
    static ModuleCode compile(ValidatedModule module, boolean osrEntries) {
        return build(module, osrEntries).define(module.module());
    }

    /**
     * The code of {@code module} with each class compiled when first needed (on the thread that
     * needs it): what the compiler tier uses, so a large module's first call waits for one class.
     */
    static ModuleCode compileLazily(ValidatedModule module, boolean osrEntries) {
        return new ModuleCompilation(module, osrEntries, null).lazily();
    }

    /** Compiles {@code module} into class bytes and what goes with them, defining nothing. */
    static ClassImage build(ValidatedModule module, boolean osrEntries) {
        return new ModuleCompilation(module, osrEntries, null).image();
    }

    /**
     * Compiles one class of a compilation: the functions {@code members} (defined indices), which
     * {@code partOf} says are class {@code part}, recording per function in the arrays. On failure
     * of a one-function class, compiles it again with the function tried alone first.
     *
     * @throws WasmException if the class does not fit (the caller splits it)
     */
    static ModuleCompiler compileClass(ValidatedModule module, boolean osrEntries, int splitBytes, int[] partOf,
            int part, int[] members, RuntimeException[] failures, boolean[] tailCalling, int[][] osrLoops) {
        try {
            ModuleCompiler c = new ModuleCompiler(module, TRIAL_BODY_BYTES, osrEntries, partOf, part, splitBytes);
            c.run(members, failures, tailCalling, osrLoops);
            return c;
        } catch (WasmException e) {
            if (members.length > 1) {
                throw e; // split first: the class may just be too large
            }
            // A small function that still overflowed a JVM method (many values carried by
            // branches, say): once more, tried alone first.
            ModuleCompiler c = new ModuleCompiler(module, 0, osrEntries, partOf, part, splitBytes);
            c.run(members, failures, tailCalling, osrLoops);
            return c;
        }
    }

    /** The class file built. */
    private byte[] bytes;

    byte[] bytes() {
        return bytes;
    }

    /** The functions this class calls in other classes, in the order of its link fields. */
    int[] callees() {
        return links.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    static String methodName(int funcIndex) {
        return "f" + funcIndex;
    }

    /**
     * The name of the bridge for signature {@code t} (see {@link BridgeEmitter}): the signature's
     * JVM kinds spelled out, so equal JVM signatures share one bridge.
     */
    static String bridgeName(FuncType t) {
        StringBuilder sb = new StringBuilder("b$");
        for (var p : t.params()) {
            sb.append(code(JvmTypes.kind(p)));
        }
        sb.append('_');
        for (var r : t.results()) {
            sb.append(code(JvmTypes.kind(r)));
        }
        return sb.toString();
    }

    private static char code(TypeKind k) {
        return switch (k) {
            case INT -> 'I';
            case LONG -> 'J';
            case FLOAT -> 'F';
            case DOUBLE -> 'D';
            default -> 'L';
        };
    }

    /** The name of the body method of a function containing tail calls (see {@link JitTail}). */
    static String tailMethodName(int funcIndex) {
        return "t" + funcIndex;
    }

    /** The body method's descriptor: the function's parameters and the context, returning Object. */
    static MethodTypeDesc tailMethodDesc(FuncType t) {
        return JvmTypes.methodDesc(t).changeReturnType(ConstantDescs.CD_Object);
    }

    /** A dispatcher's descriptor: the signature's parameters, the FunctionInstance, the caller's context. */
    static MethodTypeDesc dispatcherDesc(FuncType t) {
        MethodTypeDesc h = JvmTypes.handleDesc(t);
        return h.insertParameterTypes(h.parameterCount(), JitCalls.CD_FUNCTION, JvmTypes.CD_CONTEXT);
    }

    /**
     * The most functions a dispatcher switches over directly; beyond, calls take the handle path
     * (keeps the dispatcher well under HotSpot's 8,000-byte compile limit).
     */
    static final int MAX_DIRECT_CASES = 400;

    /** The name of the dispatcher for signature {@code t}, made on first use. */
    String dispatcher(FuncType t) {
        MethodTypeDesc d = dispatcherDesc(t);
        dispatcherTypes.putIfAbsent(d, t);
        return dispatchers.computeIfAbsent(d, x -> "call$" + dispatchers.size());
    }

    /** Builds the class of {@code members} (defined indices), recording per function in the arrays. */
    private void run(int[] members, RuntimeException[] failures, boolean[] tailCalling, int[][] osrLoops) {
        int imported = wasm.importedFuncCount();
        try {
            bytes = JitClassFile.CONTEXT.build(classDesc, clb -> {
                JitClassFile.header(clb);
                clb.withFlags(AccessFlag.PUBLIC, AccessFlag.FINAL, AccessFlag.SYNTHETIC);
                for (int d : members) {
                    int index = imported + d;
                    Function def = wasm.functions().get(d);
                    FuncType type = wasm.funcType(def.typeIndex());
                    failures[d] = null;
                    osrLoops[d] = null;
                    RuntimeException checked = precheck(index, def);
                    boolean tail = checked == null && hasTailCall(def);
                    // A body past the split threshold is split into methods that fit: no trial.
                    RuntimeException failure = checked == null && def.body().length() > trialAbove
                            && def.body().length() <= splitBytes
                            ? trial(index, type, def, tail) : checked;
                    tailCalling[d] = failure == null && tail;
                    if (failure != null) {
                        failures[d] = failure;
                        int defined = d;
                        clb.withMethodBody(methodName(index), JvmTypes.methodDesc(type),
                                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, cb -> failingBody(cb, type, defined));
                    } else if (tail) {
                        clb.withMethodBody(tailMethodName(index), tailMethodDesc(type),
                                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                                cb -> new FunctionCompiler(this, cb, index, type, def, true).compile(def));
                        clb.withMethodBody(methodName(index), JvmTypes.methodDesc(type),
                                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, cb -> trampolineEntry(cb, index, type));
                    } else {
                        clb.withMethodBody(methodName(index), JvmTypes.methodDesc(type),
                                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                                cb -> new FunctionCompiler(this, cb, index, type, def, false).compile(def));
                    }
                    if (osrEntries && failures[d] == null && !tailCalling[d] && OsrEntry.hasLoop(def)) {
                        osrMethod(clb, index, type, def, failures, osrLoops, d);
                    }
                    FunctionSplitter.drain(this, clb);
                }
                // One raw-convention bridge per signature of a function of this class.
                for (int d : members) {
                    FuncType t = wasm.funcType(wasm.functions().get(d).typeIndex());
                    String name = bridgeName(t);
                    if (bridges.add(name)) {
                        clb.withMethodBody(name, BridgeEmitter.desc(), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                                cb -> BridgeEmitter.body(cb, t));
                    }
                }
                // Dispatchers are added last: compiling the functions is what asks for them.
                for (Map.Entry<MethodTypeDesc, String> e : dispatchers.entrySet()) {
                    FuncType t = dispatcherTypes.get(e.getKey());
                    clb.withMethodBody(e.getValue(), e.getKey(), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                            cb -> dispatcherBody(cb, t, sameSignature(t)));
                }
                ClassLinks.emit(clb, classDesc, links);
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new WasmException("the compiler failed on this module: " + e.getMessage(), e);
        }
        dump(bytes);
    }

    /** Whether the OSR entry of a large function fits in a JVM method (compiled on trial). */
    private boolean osrFits(int index, FuncType type, Function def) {
        try {
            JitClassFile.CONTEXT.build(classDesc, clb -> {
                JitClassFile.header(clb);
                clb.withMethodBody(OsrEntry.methodName(index), OsrEntry.methodDesc(type),
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        cb -> new FunctionCompiler(this, cb, index, type, def, false, new OsrEntry()).compile(def));
            });
            return true;
        } catch (CompileLimitException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Compiles a large function into a class of its own: null if it fits, else why not. */
    private RuntimeException trial(int index, FuncType type, Function def, boolean tail) {
        try {
            JitClassFile.CONTEXT.build(classDesc, clb -> {
                JitClassFile.header(clb);
                clb.withMethodBody(methodName(index), tail ? tailMethodDesc(type) : JvmTypes.methodDesc(type),
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        cb -> new FunctionCompiler(this, cb, index, type, def, tail).compile(def));
                FunctionSplitter.drain(this, clb); // the trial covers the regions split off too
            });
            return null;
        } catch (CompileLimitException e) {
            regions.clear();
            return e;
        } catch (IllegalArgumentException e) {
            regions.clear();
            return new CompileLimitException("function " + index + " (" + def.body().length()
                    + " bytes of code) does not fit in one JVM method, and the compiler does not split functions yet: "
                    + e.getMessage());
        }
    }

    /**
     * With the system property {@code jawa.jit.dump} set to a directory, writes each generated
     * class there (for javap when looking into the compiler's output).
     */
    private static void dump(byte[] bytes) {
        String dir = System.getProperty("jawa.jit.dump");
        if (dir != null) {
            try {
                java.nio.file.Path d = java.nio.file.Path.of(dir);
                java.nio.file.Files.createDirectories(d);
                java.nio.file.Files.write(java.nio.file.Files.createTempFile(d, "CompiledWasm", ".class"), bytes);
            } catch (java.io.IOException e) {
                System.err.println("jawa.jit.dump: " + e);
            }
        }
    }

    /** A reason not to compile the function at all, found before emitting anything; or null. */
    private static RuntimeException precheck(int index, Function def) {
        InstructionReader in = def.body().reader();
        int length = def.body().length();
        while (in.position() < length) {
            Opcode op = in.next();
            try {
                // Each family knows which of its instructions it compiles.
                SimdEmitter.checkSupported(op);
                GcEmitter.checkSupported(op);
                AtomicEmitter.checkSupported(op);
                ExceptionEmitter.checkSupported(op);
            } catch (UnsupportedInstructionException e) {
                return e;
            }
        }
        return null;
    }

    /**
     * The OSR entry of a function whose plain method compiled: its enterable loops go to
     * {@code osrLoops[defined]} (none if the entry could not be compiled).
     */
    private void osrMethod(java.lang.classfile.ClassBuilder clb, int index, FuncType type, Function def,
            RuntimeException[] failures, int[][] osrLoops, int defined) {
        if (def.body().length() > trialAbove && !osrFits(index, type, def)) {
            return;
        }
        clb.withMethodBody(OsrEntry.methodName(index), OsrEntry.methodDesc(type),
                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, cb -> {
                    if (failures[defined] == null) {
                        OsrEntry entry = new OsrEntry();
                        try {
                            new FunctionCompiler(this, cb, index, type, def, false, entry).compile(def);
                            osrLoops[defined] = entry.loops();
                            return;
                        } catch (CompileLimitException e) {
                            // Thrown before any code was emitted: no entry, the function stays as it is.
                        }
                    }
                    cb.iload(OsrEntry.LOOP_SLOT);
                    cb.invokestatic(ClassDesc.of(OsrEntry.class.getName()), "unavailable",
                            MethodTypeDesc.of(ClassDesc.of(IllegalStateException.class.getName()), ConstantDescs.CD_int));
                    cb.athrow();
                });
    }

    private static boolean hasTailCall(Function def) {
        InstructionReader in = def.body().reader();
        int length = def.body().length();
        while (in.position() < length) {
            Opcode op = in.next();
            if (op == Opcode.RETURN_CALL || op == Opcode.RETURN_CALL_INDIRECT || op == Opcode.RETURN_CALL_REF) {
                return true;
            }
        }
        return false;
    }

    /** The entry of a function with tail calls: runs its body, then the pending tail calls. */
    private void trampolineEntry(CodeBuilder cb, int index, FuncType type) {
        int slot = 0;
        for (var p : type.params()) {
            TypeKind k = JvmTypes.kind(p);
            cb.loadLocal(k, slot);
            slot += k.slotSize();
        }
        cb.aload(slot);
        cb.invokestatic(classDesc, tailMethodName(index), tailMethodDesc(type));
        cb.invokestatic(JitTail.CD, "finish", MethodTypeDesc.of(ConstantDescs.CD_Object, ConstantDescs.CD_Object));
        switch (type.results().size()) {
            case 0 -> {
                cb.pop();
                cb.return_();
            }
            case 1 -> {
                TypeKind k = JvmTypes.kind(type.results().get(0));
                unboxTop(cb, k);
                cb.return_(k);
            }
            default -> {
                cb.checkcast(JvmTypes.CD_OBJECT_ARRAY);
                cb.areturn();
            }
        }
    }

    private static void unboxTop(CodeBuilder cb, TypeKind k) {
        ClassDesc box = switch (k) {
            case INT -> ConstantDescs.CD_Integer;
            case LONG -> ConstantDescs.CD_Long;
            case FLOAT -> ConstantDescs.CD_Float;
            case DOUBLE -> ConstantDescs.CD_Double;
            default -> null;
        };
        if (box == null) {
            return;
        }
        String name = switch (k) {
            case INT -> "intValue";
            case LONG -> "longValue";
            case FLOAT -> "floatValue";
            default -> "doubleValue";
        };
        cb.checkcast(box);
        cb.invokevirtual(box, name, MethodTypeDesc.of(JvmTypes.desc(k)));
    }

    /**
     * The body of a function that is not compiled: calls whatever {@link ModuleCode#fallback}
     * gives (the interpreter, in Tier.AUTO), or throws the recorded reason (Tier.JIT).
     */
    private static void failingBody(CodeBuilder cb, FuncType type, int defined) {
        int ctx = 0;
        for (var p : type.params()) {
            ctx += JvmTypes.kind(p).slotSize();
        }
        cb.aload(ctx);
        cb.loadConstant(defined);
        ClassDesc mh = ClassDesc.of("java.lang.invoke.MethodHandle");
        cb.invokestatic(ModuleCode.CD, "fallback", MethodTypeDesc.of(mh, JvmTypes.CD_CONTEXT, ConstantDescs.CD_int));
        int slot = 0;
        for (var p : type.params()) {
            TypeKind k = JvmTypes.kind(p);
            cb.loadLocal(k, slot);
            slot += k.slotSize();
        }
        cb.invokevirtual(mh, "invokeExact", JvmTypes.handleDesc(type));
        cb.return_(TypeKind.from(JvmTypes.resultDesc(type.results())));
    }

    /** The defined functions whose JVM signature is {@code t}'s (at most {@link #MAX_DIRECT_CASES}). */
    private java.util.List<Integer> sameSignature(FuncType t) {
        MethodTypeDesc want = JvmTypes.handleDesc(t);
        java.util.List<Integer> out = new java.util.ArrayList<>();
        int imported = wasm.importedFuncCount();
        for (int d = 0; d < wasm.functions().size() && out.size() < MAX_DIRECT_CASES; d++) {
            if (isInClass(imported + d)
                    && JvmTypes.handleDesc(wasm.funcType(wasm.functions().get(d).typeIndex())).equals(want)) {
                out.add(imported + d);
            }
        }
        return out;
    }

    /**
     * Calls the FunctionInstance (after the parameters) with the parameters. A function of the
     * caller's own instance is called by invokestatic of its method (a switch on its index), which
     * HotSpot can inline like a direct call; any other function through its handle.
     */
    private void dispatcherBody(CodeBuilder cb, FuncType t, java.util.List<Integer> direct) {
        int fSlot = 0;
        for (var p : t.params()) {
            fSlot += JvmTypes.kind(p).slotSize();
        }
        int ctxSlot = fSlot + 1;
        ClassDesc wasmFunction = ClassDesc.of("dev.jawa.runtime.WasmFunction");
        ClassDesc moduleInstance = ClassDesc.of("dev.jawa.runtime.ModuleInstance");
        TypeKind result = TypeKind.from(JvmTypes.resultDesc(t.results()));
        java.lang.classfile.Label generic = cb.newLabel();
        if (!direct.isEmpty()) {
            cb.aload(fSlot);
            cb.instanceOf(wasmFunction);
            cb.ifeq(generic);
            cb.aload(fSlot);
            cb.checkcast(wasmFunction);
            cb.invokevirtual(wasmFunction, "instance", MethodTypeDesc.of(moduleInstance));
            cb.aload(ctxSlot);
            cb.getfield(JvmTypes.CD_CONTEXT, "instance", moduleInstance);
            cb.if_acmpne(generic);
            cb.aload(fSlot);
            cb.checkcast(wasmFunction);
            cb.invokevirtual(wasmFunction, "index", MethodTypeDesc.of(ConstantDescs.CD_int));
            java.util.List<java.lang.classfile.instruction.SwitchCase> cases = new java.util.ArrayList<>();
            java.util.List<java.lang.classfile.Label> targets = new java.util.ArrayList<>();
            for (int index : direct) {
                java.lang.classfile.Label l = cb.newLabel();
                cases.add(java.lang.classfile.instruction.SwitchCase.of(index, l));
                targets.add(l);
            }
            cb.lookupswitch(generic, cases);
            for (int k = 0; k < direct.size(); k++) {
                cb.labelBinding(targets.get(k));
                loadParams(cb, t);
                cb.aload(ctxSlot);
                int index = direct.get(k);
                cb.invokestatic(classDesc, methodName(index), JvmTypes.methodDesc(wasm.funcType(wasm.funcTypeIndex(index))));
                cb.return_(result);
            }
        }
        cb.labelBinding(generic);
        cb.aload(fSlot);
        cb.invokestatic(JitCalls.CD, "target", MethodTypeDesc.of(ClassDesc.of("java.lang.invoke.MethodHandle"), JitCalls.CD_FUNCTION));
        cb.aload(fSlot);
        loadParams(cb, t);
        MethodTypeDesc exact = JvmTypes.handleDesc(t);
        cb.invokevirtual(ClassDesc.of("java.lang.invoke.MethodHandle"), "invokeExact",
                exact.insertParameterTypes(0, JitCalls.CD_FUNCTION));
        cb.return_(result);
    }

    private static void loadParams(CodeBuilder cb, FuncType t) {
        int slot = 0;
        for (var p : t.params()) {
            TypeKind k = JvmTypes.kind(p);
            cb.loadLocal(k, slot);
            slot += k.slotSize();
        }
    }
}
