package dev.jawa.interp;

/**
 * The interpreter's operation numbers, as compile-time constants for its {@code switch}.
 *
 * <p>Operations 0 to {@link #BR_ON_NON_NULL} are exactly the ordinals of the same-named
 * {@link dev.jawa.module.Opcode} constants (the single-byte opcodes): they are derived from that
 * one table, not a second one, and {@code OpsTest} checks every constant against
 * {@code Opcode.valueOf(name).ordinal()}. The operations after them are the interpreter's own
 * (forms the translator specializes or adds). All other instructions (prefixed: bulk memory,
 * saturating truncation, SIMD, GC, atomics) run as {@link #EXT} with their Opcode ordinal as an
 * immediate, in a helper method, so that the dispatch loop stays small enough for HotSpot to
 * compile.
 */
final class Ops {

    private Ops() {
    }

    static final int UNREACHABLE = 0;
    static final int NOP = 1;
    static final int BLOCK = 2;
    static final int LOOP = 3;
    static final int IF = 4;
    static final int ELSE = 5;
    static final int THROW = 6;
    static final int THROW_REF = 7;
    static final int END = 8;
    static final int BR = 9;
    static final int BR_IF = 10;
    static final int BR_TABLE = 11;
    static final int RETURN = 12;
    static final int CALL = 13;
    static final int CALL_INDIRECT = 14;
    static final int RETURN_CALL = 15;
    static final int RETURN_CALL_INDIRECT = 16;
    static final int CALL_REF = 17;
    static final int RETURN_CALL_REF = 18;
    static final int DROP = 19;
    static final int SELECT = 20;
    static final int SELECT_T = 21;
    static final int TRY_TABLE = 22;
    static final int LOCAL_GET = 23;
    static final int LOCAL_SET = 24;
    static final int LOCAL_TEE = 25;
    static final int GLOBAL_GET = 26;
    static final int GLOBAL_SET = 27;
    static final int TABLE_GET = 28;
    static final int TABLE_SET = 29;
    static final int I32_LOAD = 30;
    static final int I64_LOAD = 31;
    static final int F32_LOAD = 32;
    static final int F64_LOAD = 33;
    static final int I32_LOAD8_S = 34;
    static final int I32_LOAD8_U = 35;
    static final int I32_LOAD16_S = 36;
    static final int I32_LOAD16_U = 37;
    static final int I64_LOAD8_S = 38;
    static final int I64_LOAD8_U = 39;
    static final int I64_LOAD16_S = 40;
    static final int I64_LOAD16_U = 41;
    static final int I64_LOAD32_S = 42;
    static final int I64_LOAD32_U = 43;
    static final int I32_STORE = 44;
    static final int I64_STORE = 45;
    static final int F32_STORE = 46;
    static final int F64_STORE = 47;
    static final int I32_STORE8 = 48;
    static final int I32_STORE16 = 49;
    static final int I64_STORE8 = 50;
    static final int I64_STORE16 = 51;
    static final int I64_STORE32 = 52;
    static final int MEMORY_SIZE = 53;
    static final int MEMORY_GROW = 54;
    static final int I32_CONST = 55;
    static final int I64_CONST = 56;
    static final int F32_CONST = 57;
    static final int F64_CONST = 58;
    static final int I32_EQZ = 59;
    static final int I32_EQ = 60;
    static final int I32_NE = 61;
    static final int I32_LT_S = 62;
    static final int I32_LT_U = 63;
    static final int I32_GT_S = 64;
    static final int I32_GT_U = 65;
    static final int I32_LE_S = 66;
    static final int I32_LE_U = 67;
    static final int I32_GE_S = 68;
    static final int I32_GE_U = 69;
    static final int I64_EQZ = 70;
    static final int I64_EQ = 71;
    static final int I64_NE = 72;
    static final int I64_LT_S = 73;
    static final int I64_LT_U = 74;
    static final int I64_GT_S = 75;
    static final int I64_GT_U = 76;
    static final int I64_LE_S = 77;
    static final int I64_LE_U = 78;
    static final int I64_GE_S = 79;
    static final int I64_GE_U = 80;
    static final int F32_EQ = 81;
    static final int F32_NE = 82;
    static final int F32_LT = 83;
    static final int F32_GT = 84;
    static final int F32_LE = 85;
    static final int F32_GE = 86;
    static final int F64_EQ = 87;
    static final int F64_NE = 88;
    static final int F64_LT = 89;
    static final int F64_GT = 90;
    static final int F64_LE = 91;
    static final int F64_GE = 92;
    static final int I32_CLZ = 93;
    static final int I32_CTZ = 94;
    static final int I32_POPCNT = 95;
    static final int I32_ADD = 96;
    static final int I32_SUB = 97;
    static final int I32_MUL = 98;
    static final int I32_DIV_S = 99;
    static final int I32_DIV_U = 100;
    static final int I32_REM_S = 101;
    static final int I32_REM_U = 102;
    static final int I32_AND = 103;
    static final int I32_OR = 104;
    static final int I32_XOR = 105;
    static final int I32_SHL = 106;
    static final int I32_SHR_S = 107;
    static final int I32_SHR_U = 108;
    static final int I32_ROTL = 109;
    static final int I32_ROTR = 110;
    static final int I64_CLZ = 111;
    static final int I64_CTZ = 112;
    static final int I64_POPCNT = 113;
    static final int I64_ADD = 114;
    static final int I64_SUB = 115;
    static final int I64_MUL = 116;
    static final int I64_DIV_S = 117;
    static final int I64_DIV_U = 118;
    static final int I64_REM_S = 119;
    static final int I64_REM_U = 120;
    static final int I64_AND = 121;
    static final int I64_OR = 122;
    static final int I64_XOR = 123;
    static final int I64_SHL = 124;
    static final int I64_SHR_S = 125;
    static final int I64_SHR_U = 126;
    static final int I64_ROTL = 127;
    static final int I64_ROTR = 128;
    static final int F32_ABS = 129;
    static final int F32_NEG = 130;
    static final int F32_CEIL = 131;
    static final int F32_FLOOR = 132;
    static final int F32_TRUNC = 133;
    static final int F32_NEAREST = 134;
    static final int F32_SQRT = 135;
    static final int F32_ADD = 136;
    static final int F32_SUB = 137;
    static final int F32_MUL = 138;
    static final int F32_DIV = 139;
    static final int F32_MIN = 140;
    static final int F32_MAX = 141;
    static final int F32_COPYSIGN = 142;
    static final int F64_ABS = 143;
    static final int F64_NEG = 144;
    static final int F64_CEIL = 145;
    static final int F64_FLOOR = 146;
    static final int F64_TRUNC = 147;
    static final int F64_NEAREST = 148;
    static final int F64_SQRT = 149;
    static final int F64_ADD = 150;
    static final int F64_SUB = 151;
    static final int F64_MUL = 152;
    static final int F64_DIV = 153;
    static final int F64_MIN = 154;
    static final int F64_MAX = 155;
    static final int F64_COPYSIGN = 156;
    static final int I32_WRAP_I64 = 157;
    static final int I32_TRUNC_F32_S = 158;
    static final int I32_TRUNC_F32_U = 159;
    static final int I32_TRUNC_F64_S = 160;
    static final int I32_TRUNC_F64_U = 161;
    static final int I64_EXTEND_I32_S = 162;
    static final int I64_EXTEND_I32_U = 163;
    static final int I64_TRUNC_F32_S = 164;
    static final int I64_TRUNC_F32_U = 165;
    static final int I64_TRUNC_F64_S = 166;
    static final int I64_TRUNC_F64_U = 167;
    static final int F32_CONVERT_I32_S = 168;
    static final int F32_CONVERT_I32_U = 169;
    static final int F32_CONVERT_I64_S = 170;
    static final int F32_CONVERT_I64_U = 171;
    static final int F32_DEMOTE_F64 = 172;
    static final int F64_CONVERT_I32_S = 173;
    static final int F64_CONVERT_I32_U = 174;
    static final int F64_CONVERT_I64_S = 175;
    static final int F64_CONVERT_I64_U = 176;
    static final int F64_PROMOTE_F32 = 177;
    static final int I32_REINTERPRET_F32 = 178;
    static final int I64_REINTERPRET_F64 = 179;
    static final int F32_REINTERPRET_I32 = 180;
    static final int F64_REINTERPRET_I64 = 181;
    static final int I32_EXTEND8_S = 182;
    static final int I32_EXTEND16_S = 183;
    static final int I64_EXTEND8_S = 184;
    static final int I64_EXTEND16_S = 185;
    static final int I64_EXTEND32_S = 186;
    static final int REF_NULL = 187;
    static final int REF_IS_NULL = 188;
    static final int REF_FUNC = 189;
    static final int REF_EQ = 190;
    static final int REF_AS_NON_NULL = 191;
    static final int BR_ON_NULL = 192;
    static final int BR_ON_NON_NULL = 193;

    // The interpreter's own operations.
    /** {@code [EXT, nextPc, opcodeOrdinal, immediates...]}: a rare instruction, run by {@link Ext}. */
    static final int EXT = 194;
    /** {@code [JUMP, target]}: an unconditional jump with no stack change (the end of an if's then arm). */
    static final int JUMP = 195;
    /** {@code local.get} of a reference or v128 local (copies the object slot too). */
    static final int LOCAL_GET_REF = 196;
    /** {@code local.set} of a reference or v128 local. */
    static final int LOCAL_SET_REF = 197;
    /** {@code local.tee} of a reference or v128 local. */
    static final int LOCAL_TEE_REF = 198;
    /** {@code global.get} of a reference or v128 global. */
    static final int GLOBAL_GET_REF = 199;
    /** {@code global.set} of a reference or v128 global. */
    static final int GLOBAL_SET_REF = 200;
    /** {@code [UNSUPPORTED, opcodeOrdinal]}: an instruction not implemented yet. */
    static final int UNSUPPORTED = 201;
    /** {@code [RETHROW_SLOT, slot]}: legacy {@code rethrow} of the exception a catch arm keeps in a hidden local. */
    static final int RETHROW_SLOT = 202;
    /**
     * {@code [BR_ON_CAST_OP, target, arity, height, fail, nullable, heap]}: br_on_cast (fail 0) or
     * br_on_cast_fail (fail 1) against the reference type (nullable, heap code of {@link Gc}).
     */
    static final int BR_ON_CAST_OP = 203;
    /** {@code [LOCAL_GET2, x, y]}: two numeric {@code local.get}s in a row. */
    static final int LOCAL_GET2 = 204;
    /** {@code [I32_ADD_CONST, c]}: {@code i32.const c} fused with the {@code i32.add} that follows. */
    static final int I32_ADD_CONST = 205;
    /** {@code [LOCAL_SET_GET, x, y]}: numeric {@code local.set x} then {@code local.get y}. */
    static final int LOCAL_SET_GET = 206;
    /** {@code [LOCAL_GET_ADD_CONST, x, c]}: {@code local.get x; i32.const c; i32.add}. */
    static final int LOCAL_GET_ADD_CONST = 207;
    /** {@code [I32_AND_CONST, c]}: {@code i32.const c; i32.and} (and the same for the next five). */
    static final int I32_AND_CONST = 208;
    static final int I32_OR_CONST = 209;
    static final int I32_XOR_CONST = 210;
    static final int I32_SHL_CONST = 211;
    static final int I32_SHR_U_CONST = 212;
    static final int I32_ROTL_CONST = 213;
    /** {@code [I32_ADD_LOCAL, x]}: numeric {@code local.get x; i32.add}. */
    static final int I32_ADD_LOCAL = 214;
    /** {@code [LOCAL_GET2_ADD, x, y]}: {@code local.get x; local.get y; i32.add}. */
    static final int LOCAL_GET2_ADD = 215;
    /**
     * {@code [I32_LOAD_LOCAL, x, add, offset]}: numeric {@code local.get x} (then {@code i32.const
     * add; i32.add} when add is not 0) then a load from memory 0 at it (and the same for the next
     * two; I64 serves f64 too).
     */
    static final int I32_LOAD_LOCAL = 216;
    static final int I64_LOAD_LOCAL = 217;
    static final int I32_LOAD8_U_LOCAL = 218;
    /**
     * {@code [BR_BACK, target, arity, height]}: a {@code br} to an enclosing loop (a backward
     * branch); like {@code BR}, and it counts towards tiering up (see {@link TierUp}).
     */
    static final int BR_BACK = 219;
    /** {@code [BR_IF_BACK, target, arity, height]}: a {@code br_if} to an enclosing loop, counted like {@link #BR_BACK}. */
    static final int BR_IF_BACK = 220;
    /** {@code [LOCAL_ADD_CONST_SET, x, c, y]}: numeric {@code local.get x; i32.const c; i32.add; local.set y}. */
    static final int LOCAL_ADD_CONST_SET = 221;
    /** {@code [LOCAL_ADD_CONST_TEE, x, c, y]}: the same with {@code local.tee y}. */
    static final int LOCAL_ADD_CONST_TEE = 222;
    /**
     * {@code [BR_IF0, target, 0, height]}: a forward {@code br_if} that carries no values, the
     * common kind: it moves nothing (a copy would store into the object slots, at a GC barrier's cost).
     */
    static final int BR_IF0 = 223;
    /**
     * {@code [F64_ADD_LOAD_LOCAL, x, add, offset]}: an f64 load as {@link #I64_LOAD_LOCAL}, then
     * {@code f64.add} of the value below it and the loaded one (and {@code f64.mul} for the next).
     */
    static final int F64_ADD_LOAD_LOCAL = 224;
    static final int F64_MUL_LOAD_LOCAL = 225;
    /** The number of operations. */
    static final int COUNT = 226;
}
