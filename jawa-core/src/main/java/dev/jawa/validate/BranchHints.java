package dev.jawa.validate;

import dev.jawa.InvalidModuleException;
import dev.jawa.MalformedModuleException;
import dev.jawa.binary.ByteReader;
import dev.jawa.binary.ByteWriter;
import dev.jawa.binary.InstructionReader;
import dev.jawa.module.CustomSection;
import dev.jawa.module.Function;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;

/**
 * Checks the contents of the {@code metadata.code.branch_hint} custom section (the branch hinting
 * proposal's code metadata; in the text format, {@code (@metadata.code.branch_hint "\00")}
 * annotations before instructions): this is what the spec testsuite's
 * {@code assert_invalid_custom} asserts about.
 *
 * <p>A custom section never makes a module invalid in the core spec's sense, so
 * {@link Validator#validate} does not look at it; this check is separate, for tools that want to
 * know whether the hints mean something. The section holds, for functions in increasing index
 * order, hints in increasing offset order: {@code offset:u32 size:u32 value:u8}, with size 1 and
 * value 0 (likely not taken) or 1 (likely taken). An offset is the byte offset of an {@code if} or
 * {@code br_if} instruction from the start of the function's body, its local declarations
 * included, as Jawa writes the body (canonically: a module decoded from non-canonical LEB128
 * code is checked against its canonical layout).
 */
public final class BranchHints {

    /** The custom section's name. */
    public static final String SECTION = "metadata.code.branch_hint";

    /** The start of every reason, the spec testsuite's wording. */
    private static final String PREFIX = "@metadata.code.branch_hint annotation: ";

    private final Module module;

    private BranchHints(Module module) {
        this.module = module;
    }

    /**
     * Checks every branch hint section of {@code module}; a module without one passes.
     *
     * @throws InvalidModuleException if a hint does not fit the module, with a reason starting
     *     with {@code "@metadata.code.branch_hint annotation: "} ({@code invalid target} for a hint
     *     that is not on an {@code if} or {@code br_if})
     */
    public static void check(Module module) {
        for (CustomSection s : module.customSections()) {
            if (s.name().equals(SECTION)) {
                new BranchHints(module).checkSection(s.content());
            }
        }
    }

    private void checkSection(byte[] content) {
        ByteReader r = new ByteReader(content, 0, content.length, 0);
        try {
            int functions = r.u32AsInt("too many functions");
            long previous = -1;
            for (int i = 0; i < functions; i++) {
                long funcIndex = Integer.toUnsignedLong(r.u32());
                if (funcIndex <= previous) {
                    throw new InvalidModuleException(PREFIX + "functions out of order");
                }
                previous = funcIndex;
                if (funcIndex < module.importedFuncCount() || funcIndex >= module.funcCount()) {
                    throw new InvalidModuleException(PREFIX + "unknown function " + funcIndex);
                }
                checkFunction(r, (int) funcIndex,
                        module.functions().get((int) (funcIndex - module.importedFuncCount())));
            }
            if (r.hasMore()) {
                throw new InvalidModuleException(PREFIX + "unexpected content after the last function");
            }
        } catch (MalformedModuleException e) {
            throw new InvalidModuleException(PREFIX + "malformed section: " + e.getMessage());
        }
    }

    /** One function's hints: each must be on an if or br_if, in increasing offset order. */
    private static void checkFunction(ByteReader r, int funcIndex, Function f) {
        int localsSize = localDeclarationsSize(f);
        InstructionReader code = f.body().reader();
        int hints = r.u32AsInt("too many hints");
        long previous = -1;
        for (int i = 0; i < hints; i++) {
            long offset = Integer.toUnsignedLong(r.u32());
            int size = r.u32();
            if (size != 1) {
                throw new InvalidModuleException(PREFIX + "malformed hint");
            }
            int value = r.u8();
            if (value > 1) {
                throw new InvalidModuleException(PREFIX + "malformed hint");
            }
            if (offset <= previous) {
                throw new InvalidModuleException(PREFIX + "hints out of order");
            }
            previous = offset;
            long target = offset - localsSize;
            if (!isBranchAt(code, target)) {
                throw new InvalidModuleException(PREFIX + "invalid target", funcIndex, Math.max(target, -1));
            }
        }
    }

    /**
     * Whether an if or br_if starts at {@code target} in the code. The reader only moves forward,
     * and the offsets increase, so a function's hints take one pass over its code.
     */
    private static boolean isBranchAt(InstructionReader code, long target) {
        if (target < 0) {
            return false;
        }
        while (code.hasMore() && code.position() < target) {
            code.next();
        }
        if (!code.hasMore() || code.position() != target) {
            return false;
        }
        Opcode op = code.next();
        return op == Opcode.IF || op == Opcode.BR_IF;
    }

    /** The size of the body's local declarations as Jawa encodes them. */
    private static int localDeclarationsSize(Function f) {
        ByteWriter w = new ByteWriter(16);
        w.u32(f.locals().size());
        for (LocalGroup g : f.locals()) {
            w.u32((int) g.count());
            w.valType(g.type());
        }
        return w.size();
    }
}
