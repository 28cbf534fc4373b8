package dev.jawa.text;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.BlockType;
import dev.jawa.module.Catch;
import dev.jawa.module.Expr;
import dev.jawa.module.NameMap;
import dev.jawa.module.Opcode;
import dev.jawa.types.ValType;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Prints instruction sequences in the flat text form: function bodies one instruction per line,
 * indented two spaces per block level, and constant expressions on one line.
 *
 * <p>The walk is a loop over {@link InstructionReader} with an explicit label stack, so nesting
 * depth costs heap, never Java stack. Branch targets print as {@code $label} when the target
 * label has a name that no inner label shadows (an O(1) check through {@link #innermost}),
 * otherwise as the relative depth.
 */
final class PrintCode {

    /** Indentation stops growing here, so very deep nesting does not make the text quadratic. */
    private static final int MAX_INDENT = 256;
    private static final String SPACES = " ".repeat(MAX_INDENT);
    private static final String[] NO_IDS = new String[0];

    private final StringBuilder sb;
    private final PrintNames names;

    // The function being printed: ids of its locals and names of its labels by label index.
    private String[] localIds = NO_IDS;
    private NameMap labelNames = NameMap.EMPTY;
    private int labelCount;

    // Enclosing labels, innermost last: each one's id (or null), and for a named label the
    // position of the label of the same id it shadows (or -1).
    private String[] labelIds = new String[16];
    private int[] shadows = new int[16];
    private int depth;
    private final HashMap<String, Integer> innermost = new HashMap<>();

    PrintCode(StringBuilder sb, PrintNames names) {
        this.sb = sb;
        this.names = names;
    }

    /**
     * Appends a function body, each instruction on a new line indented by {@code indent} plus
     * two per block level; the final {@code end} is not printed.
     */
    void appendBody(Expr body, int funcIndex, String[] localIds, int indent) {
        this.localIds = localIds;
        this.labelNames = names.labels(funcIndex);
        this.labelCount = 0;
        try {
            instructions(body.reader(), indent, true);
        } finally {
            this.localIds = NO_IDS;
            this.labelNames = NameMap.EMPTY;
            resetLabels();
        }
    }

    /** Whether {@code e} is exactly one plain instruction, which can print folded. */
    static boolean isSinglePlain(Expr e) {
        InstructionReader r = e.reader();
        if (!r.hasMore() || isStructured(r.next()) || !r.hasMore()) {
            return false;
        }
        return r.next() == Opcode.END && !r.hasMore();
    }

    /** Appends the single plain instruction of {@code e} folded: {@code (i32.const 1)}. */
    void appendFolded(Expr e) {
        InstructionReader r = e.reader();
        sb.append('(');
        plain(r, r.next());
        sb.append(')');
    }

    /** Appends the instructions of {@code e} on one line, each after a space. */
    void appendFlat(Expr e) {
        try {
            instructions(e.reader(), 0, false);
        } finally {
            resetLabels();
        }
    }

    private static boolean isStructured(Opcode op) {
        return switch (op) {
            case BLOCK, LOOP, IF, ELSE, END, TRY, TRY_TABLE, CATCH, CATCH_ALL, DELEGATE -> true;
            default -> false;
        };
    }

    private void instructions(InstructionReader r, int indent, boolean lines) {
        while (r.hasMore()) {
            Opcode op = r.next();
            switch (op) {
                case END -> {
                    if (depth == 0) {
                        return;
                    }
                    popLabel();
                    separator(lines, indent, depth);
                    sb.append("end");
                }
                case ELSE, CATCH_ALL -> {
                    separator(lines, indent, depth - 1);
                    sb.append(op.mnemonic());
                }
                case CATCH -> {
                    separator(lines, indent, depth - 1);
                    sb.append("catch ");
                    PrintTypes.appendIndex(sb, names.tag(r.index()), r.index());
                }
                case DELEGATE -> {
                    // Ends the try like end; its label is printed as a number, since it is
                    // resolved outside the try, where name lookup rules are easy to get wrong.
                    if (depth > 0) {
                        popLabel();
                    }
                    separator(lines, indent, depth);
                    sb.append("delegate ");
                    PrintNumbers.appendU32(sb, r.index());
                }
                case BLOCK, LOOP, IF, TRY -> {
                    separator(lines, indent, depth);
                    sb.append(op.mnemonic());
                    String id = nextLabelId();
                    if (id != null) {
                        sb.append(' ').append(id);
                    }
                    appendBlockType(r.blockType());
                    pushLabel(id);
                }
                case TRY_TABLE -> {
                    separator(lines, indent, depth);
                    sb.append("try_table");
                    String id = nextLabelId();
                    if (id != null) {
                        sb.append(' ').append(id);
                    }
                    appendBlockType(r.blockType());
                    // Catch labels are resolved outside the try_table: before its label is pushed.
                    for (Catch c : r.catches()) {
                        sb.append(" (").append(c.kind().text());
                        if (c.kind().hasTag()) {
                            sb.append(' ');
                            PrintTypes.appendIndex(sb, names.tag(c.tag()), c.tag());
                        }
                        sb.append(' ');
                        appendLabel(c.label());
                        sb.append(')');
                    }
                    pushLabel(id);
                }
                default -> {
                    separator(lines, indent, depth);
                    plain(r, op);
                }
            }
        }
    }

    private void separator(boolean lines, int indent, int level) {
        if (lines) {
            sb.append('\n');
            int n = indent + 2 * Math.max(level, 0);
            sb.append(SPACES, 0, Math.min(n, MAX_INDENT));
        } else {
            sb.append(' ');
        }
    }

    private void appendBlockType(BlockType bt) {
        switch (bt) {
            case BlockType.Empty e -> { }
            case BlockType.Value v -> {
                sb.append(" (result ");
                PrintTypes.appendValType(sb, names, v.type());
                sb.append(')');
            }
            case BlockType.Func f -> {
                sb.append(" (type ");
                PrintTypes.appendIndex(sb, names.type(f.typeIndex()), f.typeIndex());
                sb.append(')');
            }
        }
    }

    /** A plain instruction: its mnemonic and immediates. */
    private void plain(InstructionReader r, Opcode op) {
        sb.append(op.mnemonic());
        switch (op.imm()) {
            case NONE, ATOMIC_FENCE -> { }
            case BLOCK_TYPE, TRY_TABLE -> appendBlockType(r.blockType());
            case LABEL -> {
                sb.append(' ');
                appendLabel(r.index());
            }
            case BR_TABLE -> {
                for (int l : r.labels()) {
                    sb.append(' ');
                    appendLabel(l);
                }
                sb.append(' ');
                appendLabel(r.index());
            }
            case FUNC -> index(names.func(r.index()), r.index());
            case TYPE -> index(names.type(r.index()), r.index());
            case CALL_INDIRECT -> {
                if (r.index2() != 0) {
                    index(names.table(r.index2()), r.index2());
                }
                sb.append(" (type ");
                PrintTypes.appendIndex(sb, names.type(r.index()), r.index());
                sb.append(')');
            }
            case LOCAL -> {
                int i = r.index();
                index(i >= 0 && i < localIds.length ? localIds[i] : null, i);
            }
            case GLOBAL -> index(names.global(r.index()), r.index());
            case TABLE -> index(names.table(r.index()), r.index());
            case TAG -> index(names.tag(r.index()), r.index());
            case MEMORY -> {
                if (r.index() != 0) {
                    index(names.memory(r.index()), r.index());
                }
            }
            case DATA -> index(names.data(r.index()), r.index());
            case ELEM -> index(names.elem(r.index()), r.index());
            case MEMORY_INIT -> {
                if (r.index2() != 0) {
                    index(names.memory(r.index2()), r.index2());
                }
                index(names.data(r.index()), r.index());
            }
            case MEMORY_COPY -> {
                if (r.index() != 0 || r.index2() != 0) {
                    index(names.memory(r.index()), r.index());
                    index(names.memory(r.index2()), r.index2());
                }
            }
            case TABLE_INIT -> {
                index(names.table(r.index2()), r.index2());
                index(names.elem(r.index()), r.index());
            }
            case TABLE_COPY -> {
                index(names.table(r.index()), r.index());
                index(names.table(r.index2()), r.index2());
            }
            case MEMARG -> appendMemarg(r, op);
            case MEMARG_LANE -> {
                appendMemarg(r, op);
                sb.append(' ').append(r.index());
            }
            case I32 -> sb.append(' ').append((int) r.bits());
            case I64 -> sb.append(' ').append(r.bits());
            case F32 -> {
                sb.append(' ');
                PrintNumbers.appendF32(sb, (int) r.bits());
            }
            case F64 -> {
                sb.append(' ');
                PrintNumbers.appendF64(sb, r.bits());
            }
            case V128 -> {
                sb.append(" i32x4");
                appendLanes32(r.v128Low());
                appendLanes32(r.v128High());
            }
            case LANE -> sb.append(' ').append(r.index());
            case SHUFFLE -> {
                appendBytes(r.v128Low());
                appendBytes(r.v128High());
            }
            case HEAP_TYPE -> {
                sb.append(' ');
                switch (op) {
                    case REF_TEST, REF_CAST -> PrintTypes.appendRefType(sb, names, false, r.heapType());
                    case REF_TEST_NULL, REF_CAST_NULL -> PrintTypes.appendRefType(sb, names, true, r.heapType());
                    default -> PrintTypes.appendHeapType(sb, names, r.heapType());
                }
            }
            case SELECT_TYPES -> {
                sb.append(" (result");
                for (ValType t : r.types()) {
                    sb.append(' ');
                    PrintTypes.appendValType(sb, names, t);
                }
                sb.append(')');
            }
            case TYPE_FIELD -> {
                index(names.type(r.index()), r.index());
                index(names.field(r.index(), r.index2()), r.index2());
            }
            case TYPE_TYPE -> {
                index(names.type(r.index()), r.index());
                index(names.type(r.index2()), r.index2());
            }
            case TYPE_COUNT -> {
                index(names.type(r.index()), r.index());
                index(null, r.index2());
            }
            case TYPE_DATA -> {
                index(names.type(r.index()), r.index());
                index(names.data(r.index2()), r.index2());
            }
            case TYPE_ELEM -> {
                index(names.type(r.index()), r.index());
                index(names.elem(r.index2()), r.index2());
            }
            case BR_ON_CAST -> {
                sb.append(' ');
                appendLabel(r.index());
                sb.append(' ');
                PrintTypes.appendRefType(sb, names, r.refType1());
                sb.append(' ');
                PrintTypes.appendRefType(sb, names, r.refType2());
            }
        }
    }

    /** A space and an index by id or number. */
    private void index(String id, int i) {
        sb.append(' ');
        PrintTypes.appendIndex(sb, id, i);
    }

    /** The memory index when not 0, then offset and alignment when not the defaults. */
    private void appendMemarg(InstructionReader r, Opcode op) {
        if (r.memIndex() != 0) {
            index(names.memory(r.memIndex()), r.memIndex());
        }
        if (r.memOffset() != 0) {
            sb.append(" offset=");
            PrintNumbers.appendU64(sb, r.memOffset());
        }
        if (r.alignLog2() != op.naturalAlignLog2()) {
            sb.append(" align=");
            PrintNumbers.appendU64(sb, 1L << r.alignLog2());
        }
    }

    private void appendLanes32(long half) {
        sb.append(' ');
        PrintNumbers.appendHexPadded(sb, half & 0xFFFF_FFFFL, 8);
        sb.append(' ');
        PrintNumbers.appendHexPadded(sb, half >>> 32, 8);
    }

    private void appendBytes(long half) {
        for (int i = 0; i < 8; i++) {
            sb.append(' ').append((int) (half >>> (8 * i)) & 0xFF);
        }
    }

    /** A branch target: the label's id when it names the target unambiguously, else the depth. */
    private void appendLabel(int l) {
        int target = depth - 1 - l;
        if (l >= 0 && target >= 0) {
            String id = labelIds[target];
            Integer innermostOfId = id == null ? null : innermost.get(id);
            if (innermostOfId != null && innermostOfId == target) {
                sb.append(id);
                return;
            }
        }
        PrintNumbers.appendU32(sb, l);
    }

    /** The id of the next label of the function (labels are numbered in order of appearance). */
    private String nextLabelId() {
        int i = labelCount++;
        return labelNames.isEmpty() ? null : PrintStrings.id(labelNames.get(i));
    }

    private void pushLabel(String id) {
        if (depth == labelIds.length) {
            labelIds = Arrays.copyOf(labelIds, depth * 2);
            shadows = Arrays.copyOf(shadows, depth * 2);
        }
        labelIds[depth] = id;
        if (id != null) {
            Integer previous = innermost.put(id, depth);
            shadows[depth] = previous == null ? -1 : previous;
        }
        depth++;
    }

    private void popLabel() {
        depth--;
        String id = labelIds[depth];
        if (id != null) {
            if (shadows[depth] >= 0) {
                innermost.put(id, shadows[depth]);
            } else {
                innermost.remove(id);
            }
            labelIds[depth] = null;
        }
    }

    private void resetLabels() {
        while (depth > 0) {
            popLabel();
        }
        innermost.clear();
        labelCount = 0;
    }
}
