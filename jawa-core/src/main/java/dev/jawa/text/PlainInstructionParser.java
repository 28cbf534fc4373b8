package dev.jawa.text;

import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.Opcode;
import dev.jawa.types.FuncType;
import dev.jawa.types.HeapType;
import dev.jawa.types.RefType;
import dev.jawa.types.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the immediates of plain (non-block) instructions, driven by the opcode table's
 * {@link Opcode.Imm} layouts, and writes each instruction canonically. {@link CodeParser} calls
 * it for flat and folded instructions alike.
 */
final class PlainInstructionParser {

    private final TokenCursor c;
    private final ModuleContext ctx;
    private final TypeParser types;
    private final LabelStack labels;
    private IndexSpace locals;
    private boolean usesDataIndex;
    private int[] targets = new int[16];

    PlainInstructionParser(TokenCursor c, ModuleContext ctx, TypeParser types, LabelStack labels) {
        this.c = c;
        this.ctx = ctx;
        this.types = types;
        this.labels = labels;
    }

    /** The locals of the function being parsed; null in constant expressions. */
    void setLocals(IndexSpace locals) {
        this.locals = locals;
    }

    /** Whether any code parsed so far uses a data index. */
    boolean usesDataIndex() {
        return usesDataIndex;
    }

    /** The type use of call_indirect: {@code (type x)?} with parameters and results. */
    int typeUse(boolean create) {
        int at = c.pos();
        long explicit = -1; // a u32 type index, or -1 for none
        if (c.isLParenKw(Keyword.TYPE)) {
            c.advance();
            c.advance();
            explicit = ctx.types.resolve(c) & 0xFFFF_FFFFL;
            c.expectRParen();
        }
        List<ValType> ps = new ArrayList<>(0);
        List<ValType> rs = new ArrayList<>(0);
        types.params(ps, null, null);
        types.results(rs);
        if (explicit >= 0) {
            if (!ps.isEmpty() || !rs.isEmpty()) {
                types.checkInline(at, ctx.funcType((int) explicit), ps, rs);
            }
            return (int) explicit;
        }
        return create ? ctx.implicitType(new FuncType(ps, rs)) : 0;
    }

    private boolean atIndex(int i) {
        byte k = c.kind(i);
        return k == TokenKind.NAT || k == TokenKind.ID;
    }

    /** Writes plain instruction {@code op} (its keyword consumed) with its immediates. */
    void instruction(Opcode op, InstructionWriter w, boolean emit) {
        switch (op.imm()) {
            case NONE -> {
                if (op == Opcode.SELECT) {
                    select(w);
                } else {
                    w.op(op);
                }
            }
            case LABEL -> {
                int l = labels.resolve(c);
                w.op(op).u32(l);
            }
            case BR_TABLE -> brTable(op, w);
            case FUNC -> {
                int f = ctx.funcs.resolve(c);
                w.op(op).u32(f);
            }
            case TYPE -> {
                int t = ctx.types.resolve(c);
                w.op(op).u32(t);
            }
            case CALL_INDIRECT -> {
                int table = atIndex(c.pos()) ? ctx.tables.resolve(c) : 0;
                int type = typeUse(emit);
                w.op(op).u32(type).u32(table);
            }
            case LOCAL -> {
                int l = local();
                w.op(op).u32(l);
            }
            case GLOBAL -> {
                int g = ctx.globals.resolve(c);
                w.op(op).u32(g);
            }
            case TABLE -> {
                int t = atIndex(c.pos()) ? ctx.tables.resolve(c) : 0;
                w.op(op).u32(t);
            }
            case TAG -> {
                int t = ctx.tags.resolve(c);
                w.op(op).u32(t);
            }
            case MEMORY -> {
                int m = atIndex(c.pos()) ? ctx.memories.resolve(c) : 0;
                w.op(op).u32(m);
            }
            case DATA -> {
                int d = ctx.datas.resolve(c);
                usesData(emit);
                w.op(op).u32(d);
            }
            case ELEM -> {
                int e = ctx.elems.resolve(c);
                w.op(op).u32(e);
            }
            case MEMORY_INIT -> {
                int m = atIndex(c.pos()) && atIndex(c.pos() + 1) ? ctx.memories.resolve(c) : 0;
                int d = ctx.datas.resolve(c);
                usesData(emit);
                w.op(op).u32(d).u32(m);
            }
            case TABLE_INIT -> {
                int t = atIndex(c.pos()) && atIndex(c.pos() + 1) ? ctx.tables.resolve(c) : 0;
                int e = ctx.elems.resolve(c);
                w.op(op).u32(e).u32(t);
            }
            case MEMORY_COPY -> {
                int d = 0;
                int s = 0;
                if (atIndex(c.pos())) {
                    d = ctx.memories.resolve(c);
                    s = ctx.memories.resolve(c);
                }
                w.op(op).u32(d).u32(s);
            }
            case TABLE_COPY -> {
                int d = 0;
                int s = 0;
                if (atIndex(c.pos())) {
                    d = ctx.tables.resolve(c);
                    s = ctx.tables.resolve(c);
                }
                w.op(op).u32(d).u32(s);
            }
            case MEMARG -> memarg(op, w, atIndex(c.pos()));
            case MEMARG_LANE -> {
                boolean mem = c.is(TokenKind.ID) || (c.is(TokenKind.NAT) && isMemargOrLane(c.pos() + 1));
                memarg(op, w, mem);
                w.u8(lane());
            }
            case I32 -> w.op(op).s64((int) c.integer(32));
            case I64 -> w.op(op).s64(c.integer(64));
            case F32 -> w.op(op).fixed32(c.f32());
            case F64 -> w.op(op).fixed64(c.f64());
            case V128 -> {
                long[] v = VectorLiteral.parse(c);
                w.op(op).fixed64(v[0]).fixed64(v[1]);
            }
            case LANE -> {
                int l = lane();
                w.op(op).u8(l);
            }
            case SHUFFLE -> {
                long[] v = VectorLiteral.shuffle(c);
                w.op(op).fixed64(v[0]).fixed64(v[1]);
            }
            case HEAP_TYPE -> {
                if (op == Opcode.REF_NULL) {
                    HeapType ht = types.heapType();
                    w.op(op).heapType(ht);
                } else {
                    RefType rt = types.refType();
                    Opcode real = !rt.nullable() ? op : op == Opcode.REF_TEST ? Opcode.REF_TEST_NULL : Opcode.REF_CAST_NULL;
                    w.op(real).heapType(rt.heapType());
                }
            }
            case TYPE_FIELD -> {
                int t = ctx.types.resolve(c);
                int f = field(t);
                w.op(op).u32(t).u32(f);
            }
            case TYPE_TYPE -> {
                int t1 = ctx.types.resolve(c);
                int t2 = ctx.types.resolve(c);
                w.op(op).u32(t1).u32(t2);
            }
            case TYPE_COUNT -> {
                int t = ctx.types.resolve(c);
                int n = c.u32();
                w.op(op).u32(t).u32(n);
            }
            case TYPE_DATA -> {
                int t = ctx.types.resolve(c);
                int d = ctx.datas.resolve(c);
                usesData(emit);
                w.op(op).u32(t).u32(d);
            }
            case TYPE_ELEM -> {
                int t = ctx.types.resolve(c);
                int e = ctx.elems.resolve(c);
                w.op(op).u32(t).u32(e);
            }
            case BR_ON_CAST -> {
                int l = labels.resolve(c);
                RefType from = types.refType();
                RefType to = types.refType();
                w.op(op).brOnCast(l, from, to);
            }
            case ATOMIC_FENCE -> w.op(op).u8(0);
            default -> throw c.unexpected(); // block instructions are handled by the caller
        }
    }

    private void usesData(boolean emit) {
        if (emit) {
            usesDataIndex = true;
        }
    }

    private boolean isMemargOrLane(int i) {
        byte k = c.kind(i);
        return k == TokenKind.NAT || k == TokenKind.OFFSET_EQ || k == TokenKind.ALIGN_EQ;
    }

    private int lane() {
        if (!c.is(TokenKind.NAT)) {
            throw c.unexpected();
        }
        return (int) c.nat(8);
    }

    private int local() {
        if (locals == null) {
            if (c.isId()) {
                throw c.error("unknown local $" + c.idName(c.pos()));
            }
            return c.u32();
        }
        return locals.resolve(c);
    }

    private int field(int type) {
        if (c.isId()) {
            IndexSpace fs = ctx.fieldSpace(type);
            int f = fs == null ? -1 : fs.lookup(c.idName(c.pos()));
            if (f < 0) {
                throw c.error("unknown field $" + c.idName(c.pos()));
            }
            c.advance();
            return f;
        }
        return c.u32();
    }

    private void memarg(Opcode op, InstructionWriter w, boolean hasMemory) {
        int mem = hasMemory ? ctx.memories.resolve(c) : 0;
        long offset = 0;
        if (c.is(TokenKind.OFFSET_EQ)) {
            offset = c.equalsValue(7);
            c.advance();
        }
        int align = op.naturalAlignLog2();
        if (c.is(TokenKind.ALIGN_EQ)) {
            long a = c.equalsValue(6);
            if (a == 0 || (a & (a - 1)) != 0) {
                throw c.error("alignment must be a power of two");
            }
            align = Long.numberOfTrailingZeros(a);
            c.advance();
        }
        w.op(op).memarg(mem, align, offset);
    }

    private void select(InstructionWriter w) {
        if (!c.isLParenKw(Keyword.RESULT)) {
            w.op(Opcode.SELECT);
            return;
        }
        List<ValType> rs = new ArrayList<>(1);
        types.results(rs);
        w.op(Opcode.SELECT_T).u32(rs.size());
        for (ValType t : rs) {
            w.valType(t);
        }
    }

    private void brTable(Opcode op, InstructionWriter w) {
        int n = 0;
        while (atIndex(c.pos())) {
            if (n == targets.length) {
                targets = Arrays.copyOf(targets, n * 2);
            }
            targets[n++] = labels.resolve(c);
        }
        if (n == 0) {
            throw c.unexpected();
        }
        w.op(op).u32(n - 1);
        for (int i = 0; i < n; i++) {
            w.u32(targets[i]);
        }
    }
}
