package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.BlockType;
import dev.jawa.module.Opcode;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured control: block, loop, if/else/end, br, br_if, br_table, return, unreachable, nop,
 * drop and select. Constructs become JVM labels and gotos; see {@link Control} for the stack
 * invariant at a label.
 */
final class ControlEmitter implements InstructionFamily {

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        CodeBuilder cb = fc.cb;
        switch (op) {
            case NOP -> {
            }
            case BLOCK -> open(fc, op, in.blockType(), fc.newLabel());
            case LOOP -> {
                Label head = fc.newLabel();
                open(fc, op, in.blockType(), head);
                cb.labelBinding(head);
                fc.loopHead(head);
            }
            case IF -> {
                fc.pop();
                Control c = open(fc, op, in.blockType(), fc.newLabel());
                c.elseLabel = fc.newLabel();
                fc.jumpIf(true, c.elseLabel);
            }
            case ELSE -> elseArm(fc);
            case END -> end(fc);
            case BR -> {
                fc.branch(in.index());
                fc.markDead();
            }
            case BR_IF -> brIf(fc, in.index());
            case BR_TABLE -> brTable(fc, in.labels(), in.index());
            case RETURN -> {
                fc.emitReturn();
                fc.markDead();
            }
            case UNREACHABLE -> {
                cb.invokestatic(JitRuntime.CD, "unreachable", MethodTypeDesc.of(JitRuntime.CD_TRAP));
                cb.athrow();
                fc.markDead();
            }
            case DROP -> fc.popValue(fc.pop());
            case SELECT, SELECT_T -> select(fc);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Control open(FunctionCompiler fc, Opcode op, BlockType bt, Label label) {
        List<TypeKind> params = fc.blockParams(bt);
        List<TypeKind> results = fc.blockResults(bt);
        Control c = new Control(op, fc.stack.size() - params.size(), params, results, label);
        fc.controls.add(c);
        return c;
    }

    private static void elseArm(FunctionCompiler fc) {
        Control c = fc.controls.get(fc.controls.size() - 1);
        if (!fc.isDead()) {
            fc.cb.goto_(c.label);
            c.used = true;
        }
        fc.cb.labelBinding(c.elseLabel);
        c.elseLabel = null;
        fc.truncate(c.base);
        fc.stack.addAll(c.params);
        fc.setLive();
    }

    /** Closes the innermost construct (also used by the legacy delegate, which ends a try). */
    static void end(FunctionCompiler fc) {
        Control top = fc.controls.get(fc.controls.size() - 1);
        if (top.tryBlock != null) {
            ExceptionEmitter.beforeEnd(fc, top);
        }
        Control c = fc.controls.remove(fc.controls.size() - 1);
        if (c.isFunction()) {
            if (!fc.isDead()) {
                fc.emitReturn();
            }
            fc.markDead();
            return;
        }
        boolean live = !fc.isDead();
        if (c.elseLabel != null) {
            // An if without else: the false path arrives here with its parameters (= results).
            fc.cb.labelBinding(c.elseLabel);
            live = true;
        }
        if (c.op != Opcode.LOOP) {
            fc.cb.labelBinding(c.label);
            live |= c.used;
        }
        fc.truncate(c.base);
        fc.stack.addAll(c.results);
        if (live) {
            fc.setLive();
        } else {
            fc.markDead();
        }
    }

    private static void brIf(FunctionCompiler fc, int depth) {
        fc.pop();
        if (fc.isPlainBranch(depth)) {
            Control target = fc.control(depth);
            fc.jumpIf(false, target.label);
            target.used = true;
            return;
        }
        Label skip = fc.newLabel();
        fc.jumpIf(true, skip);
        fc.branch(depth);
        fc.cb.labelBinding(skip);
    }

    private static void brTable(FunctionCompiler fc, int[] labels, int defaultLabel) {
        fc.pop();
        CodeBuilder cb = fc.cb;
        // One stub per distinct target depth: it adjusts the stack and jumps.
        Map<Integer, Label> stubs = new HashMap<>();
        List<SwitchCase> cases = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            Label l = stubs.computeIfAbsent(labels[i], d -> fc.newLabel());
            cases.add(SwitchCase.of(i, l));
        }
        Label dflt = stubs.computeIfAbsent(defaultLabel, d -> fc.newLabel());
        if (cases.isEmpty()) {
            cb.pop();
            cb.goto_(dflt);
        } else {
            cb.tableswitch(0, labels.length - 1, dflt, cases);
        }
        for (Map.Entry<Integer, Label> e : stubs.entrySet()) {
            cb.labelBinding(e.getValue());
            fc.branch(e.getKey());
        }
        fc.markDead();
    }

    private static void select(FunctionCompiler fc) {
        CodeBuilder cb = fc.cb;
        fc.pop();
        TypeKind k = fc.pop();
        // Stack: a b cond. cond != 0 keeps a (pop b); cond == 0 keeps b (swap, then pop a).
        Label keepFirst = fc.newLabel();
        fc.jumpIf(false, keepFirst);
        if (k.slotSize() == 2) {
            cb.dup2_x2();
            cb.pop2();
        } else {
            cb.swap();
        }
        cb.labelBinding(keepFirst);
        fc.popValue(k);
    }
}
