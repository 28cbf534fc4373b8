package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Function;
import dev.jawa.module.Opcode;
import dev.jawa.types.FuncType;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-stack-replacement entry of one function: a second static method {@code o<index>} with
 * the same body as the plain one but a different start. It takes the interpreter's frame (the
 * locals as raw bits and references, as {@code TierUp.osr} hands them over), the body offset of a
 * loop and the context; loads every local from the frame and jumps to that loop's head, then runs
 * the rest of the function and returns its results like the plain method.
 *
 * <p>A loop can be entered when the operand stack is empty at its head (no block values below it,
 * no loop parameters) and no exception handler encloses it: then the locals are the whole state.
 * The compiler reports those loops ({@link #enterable}); the others are not in the entry's switch
 * ({@link #loops()} lists the good ones, and the tier calls the entry only for them).
 */
final class OsrEntry {

    /** Parameter slots of the entry: long[] values, Object[] refs, int loop, context. */
    static final int VALUES_SLOT = 0;
    static final int REFS_SLOT = 1;
    static final int LOOP_SLOT = 2;
    static final int CONTEXT_SLOT = 3;
    /** Where the WebAssembly locals start. */
    static final int FIRST_LOCAL_SLOT = 4;

    private static final ClassDesc CD_OSR = ClassDesc.of(OsrEntry.class.getName());

    /**
     * HotSpot's HugeMethodLimit (its default): it compiles no method with more bytecode than this,
     * so a whole entry past it would run in the JVM's bytecode interpreter.
     */
    static final int HUGE_METHOD_LIMIT = 8_000;

    /**
     * Whether this entry is compiled whole: never split into region methods (see
     * {@link FunctionSplitter}), whose loops could not be entered.
     */
    private final boolean whole;

    /** The heads of the loops that can be entered, by body offset of their loop instruction. */
    private final Map<Integer, Label> heads = new LinkedHashMap<>();
    /** Where the switch to the loop heads is: after the body, once the enterable loops are known. */
    private Label switchAt;

    /** An entry compiled like the plain method (split where that is). */
    OsrEntry() {
        this(false);
    }

    private OsrEntry(boolean whole) {
        this.whole = whole;
    }

    /** Whether the compiler may split this entry into regions. */
    boolean splittable() {
        return !whole;
    }

    /** An entry compiled whole, with the loops it can enter. */
    record Whole(MethodModel method, int[] loops) {
    }

    /**
     * Whether the compiler may split {@code def}'s entry (see {@link FunctionSplitter#due}: a body
     * within the threshold always fits whole).
     */
    static boolean wouldSplit(ModuleCompiler module, Function def) {
        return def.body().length() > module.splitBytes;
    }

    /**
     * The entry of a function that the compiler would split ({@link #wouldSplit}), compiled whole
     * if it stays within {@link #HUGE_METHOD_LIMIT}; else null, and the function gets no entry.
     * Why: a split function's loops mostly lie in region methods, which an entry cannot jump
     * into, so the typical C {@code main} with its hot loop nest inlined would never leave the
     * interpreter; the whole entry can enter every loop, and HotSpot still compiles it. (And an
     * entry that was split made a class the JVM rejected, "Illegal local variable number", which
     * left the whole module in the interpreter.) Compiled into a scratch class, whose method the
     * module's class then takes over (class files without stack maps: nothing to recompute).
     */
    static Whole compileWhole(ModuleCompiler module, int funcIndex, FuncType type, Function def) {
        OsrEntry entry = new OsrEntry(true);
        byte[] bytes;
        try {
            bytes = JitClassFile.CONTEXT.build(module.classDesc, clb -> {
                JitClassFile.header(clb);
                clb.withMethodBody(methodName(funcIndex), methodDesc(type), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        cb -> new FunctionCompiler(module, cb, funcIndex, type, def, false, entry).compile(def));
            });
        } catch (CompileLimitException | IllegalArgumentException e) {
            return null; // past a JVM method's limits
        }
        for (MethodModel m : ClassFile.of().parse(bytes).methods()) {
            if (m.methodName().equalsString(methodName(funcIndex))) {
                int size = m.code().map(c -> ((java.lang.classfile.attribute.CodeAttribute) c).codeLength()).orElse(0);
                return size <= HUGE_METHOD_LIMIT ? new Whole(m, entry.loops()) : null;
            }
        }
        return null;
    }

    static String methodName(int funcIndex) {
        return "o" + funcIndex;
    }

    /** The entry's descriptor for a function of type {@code t}. */
    static MethodTypeDesc methodDesc(FuncType t) {
        return MethodTypeDesc.of(JvmTypes.resultDesc(t.results()), ConstantDescs.CD_long.arrayType(),
                ConstantDescs.CD_Object.arrayType(), ConstantDescs.CD_int, JvmTypes.CD_CONTEXT);
    }

    /** Whether {@code def} has a loop at all (else it needs no entry). */
    static boolean hasLoop(Function def) {
        InstructionReader in = def.body().reader();
        int length = def.body().length();
        while (in.position() < length) {
            if (in.next() == Opcode.LOOP) {
                return true;
            }
        }
        return false;
    }

    /** Loads the locals from the frame arrays, then goes to the switch (emitted by {@link #epilogue}). */
    void prologue(CodeBuilder cb, TypeKind[] kinds, int[] slots) {
        for (int l = 0; l < kinds.length; l++) {
            TypeKind k = kinds[l];
            JvmTypes.loadRaw(cb, k, VALUES_SLOT, REFS_SLOT, l);
            cb.storeLocal(k, slots[l]);
        }
        switchAt = cb.newLabel();
        cb.goto_(switchAt);
    }

    /** Called by the compiler at an enterable loop head. */
    void enterable(int loopOffset, Label head) {
        heads.putIfAbsent(loopOffset, head);
    }

    /** The body offsets of the loops this entry can enter, in body order. */
    int[] loops() {
        return heads.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * After the body: the switch over the enterable loops (anything else is a bug in the caller).
     * The function's opening code is dead in an entry, and the class file writer counts a method's
     * locals on its reachable code only, while the JVM's verifier rejects any instruction, dead
     * or not, naming a slot past that count. So when the body used scratch slots
     * ({@code firstScratch} up to {@code slotsUsed}), the path from the prologue to the switch
     * stores into the last one, which holds nothing yet, to make the count cover them all.
     */
    void epilogue(CodeBuilder cb, int firstScratch, int slotsUsed) {
        cb.labelBinding(switchAt);
        if (slotsUsed > firstScratch) {
            cb.iconst_0();
            cb.istore(slotsUsed - 1);
        }
        Label unavailable = cb.newLabel();
        List<SwitchCase> cases = new ArrayList<>();
        cb.iload(LOOP_SLOT);
        for (Map.Entry<Integer, Label> e : heads.entrySet()) {
            cases.add(SwitchCase.of(e.getKey(), e.getValue()));
        }
        cb.lookupswitch(unavailable, cases);
        cb.labelBinding(unavailable);
        cb.iload(LOOP_SLOT);
        cb.invokestatic(CD_OSR, "unavailable", MethodTypeDesc.of(ClassDesc.of(IllegalStateException.class.getName()),
                ConstantDescs.CD_int));
        cb.athrow();
    }

    /** The exception of an entry asked for a loop it cannot enter (the tier checks first). */
    static IllegalStateException unavailable(int loopOffset) {
        return new IllegalStateException("no on-stack-replacement entry for the loop at body offset " + loopOffset);
    }
}
