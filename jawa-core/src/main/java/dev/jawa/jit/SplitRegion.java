package dev.jawa.jit;

import dev.jawa.module.Function;
import dev.jawa.types.FuncType;
import java.lang.classfile.TypeKind;
import java.util.List;

/**
 * A stretch of a function body compiled into a method of its own (see {@link FunctionSplitter}):
 * the rest of one construct, from {@code start} to the {@code end} or {@code else} that closes it
 * (at {@code end}, which the caller compiles).
 *
 * @param name the region method's name
 * @param start the offset of its first instruction in the body
 * @param end the offset of the instruction that closes the construct
 * @param params the operand stack above the construct's base at the start, passed in
 * @param exits the caller's constructs at the call site, outermost first (copies: their kinds)
 * @param locals the locals the region uses (frame index = position here)
 * @param written which of {@code locals} it may change (handed back)
 * @param frameSize the frame arrays' length: the locals, then room for the values passed over
 */
record SplitRegion(String name, int funcIndex, FuncType type, Function def, int start, int end,
        List<TypeKind> params, List<Control> exits, int[] locals, boolean[] written, int frameSize) {
}
