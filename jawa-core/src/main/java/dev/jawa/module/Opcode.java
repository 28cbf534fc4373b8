package dev.jawa.module;

import java.util.HashMap;
import java.util.Map;

/**
 * The one opcode table of Jawa: every instruction of WebAssembly 3.0, the legacy exception
 * instructions and the threads proposal's atomics, with its text mnemonic, binary encoding,
 * immediate layout, natural alignment (memory instructions) and, where it is fixed, its operand
 * stack signature.
 *
 * <p>Decoder, encoder, text parser, printer, validator and both tiers all key on this enum; none
 * keeps a table of its own. The rows were generated from the spec's instruction index
 * ({@code core/appendix/index-instructions.rst}); the legacy exception and atomic rows follow the
 * legacy exception-handling and threads proposals.
 *
 * <p>{@link #stack()} spells a fixed signature with one letter per type: {@code i} i32, {@code l}
 * i64, {@code f} f32, {@code d} f64, {@code v} v128, {@code a} the address type of the memory
 * operand (i32 or i64), with {@code >} between parameters and results; e.g. {@code "ii>i"} for
 * {@code i32.add}. It is null for instructions whose typing depends on immediates or context.
 */
public enum Opcode {
    UNREACHABLE("unreachable", 0x00, 0x00, Imm.NONE, -1, null),
    NOP("nop", 0x00, 0x01, Imm.NONE, -1, ">"),
    BLOCK("block", 0x00, 0x02, Imm.BLOCK_TYPE, -1, null),
    LOOP("loop", 0x00, 0x03, Imm.BLOCK_TYPE, -1, null),
    IF("if", 0x00, 0x04, Imm.BLOCK_TYPE, -1, null),
    ELSE("else", 0x00, 0x05, Imm.NONE, -1, null),
    THROW("throw", 0x00, 0x08, Imm.TAG, -1, null),
    THROW_REF("throw_ref", 0x00, 0x0A, Imm.NONE, -1, null),
    END("end", 0x00, 0x0B, Imm.NONE, -1, null),
    BR("br", 0x00, 0x0C, Imm.LABEL, -1, null),
    BR_IF("br_if", 0x00, 0x0D, Imm.LABEL, -1, null),
    BR_TABLE("br_table", 0x00, 0x0E, Imm.BR_TABLE, -1, null),
    RETURN("return", 0x00, 0x0F, Imm.NONE, -1, null),
    CALL("call", 0x00, 0x10, Imm.FUNC, -1, null),
    CALL_INDIRECT("call_indirect", 0x00, 0x11, Imm.CALL_INDIRECT, -1, null),
    RETURN_CALL("return_call", 0x00, 0x12, Imm.FUNC, -1, null),
    RETURN_CALL_INDIRECT("return_call_indirect", 0x00, 0x13, Imm.CALL_INDIRECT, -1, null),
    CALL_REF("call_ref", 0x00, 0x14, Imm.TYPE, -1, null),
    RETURN_CALL_REF("return_call_ref", 0x00, 0x15, Imm.TYPE, -1, null),
    DROP("drop", 0x00, 0x1A, Imm.NONE, -1, null),
    SELECT("select", 0x00, 0x1B, Imm.NONE, -1, null),
    SELECT_T("select", 0x00, 0x1C, Imm.SELECT_TYPES, -1, null),
    TRY_TABLE("try_table", 0x00, 0x1F, Imm.TRY_TABLE, -1, null),
    LOCAL_GET("local.get", 0x00, 0x20, Imm.LOCAL, -1, null),
    LOCAL_SET("local.set", 0x00, 0x21, Imm.LOCAL, -1, null),
    LOCAL_TEE("local.tee", 0x00, 0x22, Imm.LOCAL, -1, null),
    GLOBAL_GET("global.get", 0x00, 0x23, Imm.GLOBAL, -1, null),
    GLOBAL_SET("global.set", 0x00, 0x24, Imm.GLOBAL, -1, null),
    TABLE_GET("table.get", 0x00, 0x25, Imm.TABLE, -1, null),
    TABLE_SET("table.set", 0x00, 0x26, Imm.TABLE, -1, null),
    I32_LOAD("i32.load", 0x00, 0x28, Imm.MEMARG, 2, "a>i"),
    I64_LOAD("i64.load", 0x00, 0x29, Imm.MEMARG, 3, "a>l"),
    F32_LOAD("f32.load", 0x00, 0x2A, Imm.MEMARG, 2, "a>f"),
    F64_LOAD("f64.load", 0x00, 0x2B, Imm.MEMARG, 3, "a>d"),
    I32_LOAD8_S("i32.load8_s", 0x00, 0x2C, Imm.MEMARG, 0, "a>i"),
    I32_LOAD8_U("i32.load8_u", 0x00, 0x2D, Imm.MEMARG, 0, "a>i"),
    I32_LOAD16_S("i32.load16_s", 0x00, 0x2E, Imm.MEMARG, 1, "a>i"),
    I32_LOAD16_U("i32.load16_u", 0x00, 0x2F, Imm.MEMARG, 1, "a>i"),
    I64_LOAD8_S("i64.load8_s", 0x00, 0x30, Imm.MEMARG, 0, "a>l"),
    I64_LOAD8_U("i64.load8_u", 0x00, 0x31, Imm.MEMARG, 0, "a>l"),
    I64_LOAD16_S("i64.load16_s", 0x00, 0x32, Imm.MEMARG, 1, "a>l"),
    I64_LOAD16_U("i64.load16_u", 0x00, 0x33, Imm.MEMARG, 1, "a>l"),
    I64_LOAD32_S("i64.load32_s", 0x00, 0x34, Imm.MEMARG, 2, "a>l"),
    I64_LOAD32_U("i64.load32_u", 0x00, 0x35, Imm.MEMARG, 2, "a>l"),
    I32_STORE("i32.store", 0x00, 0x36, Imm.MEMARG, 2, "ai>"),
    I64_STORE("i64.store", 0x00, 0x37, Imm.MEMARG, 3, "al>"),
    F32_STORE("f32.store", 0x00, 0x38, Imm.MEMARG, 2, "af>"),
    F64_STORE("f64.store", 0x00, 0x39, Imm.MEMARG, 3, "ad>"),
    I32_STORE8("i32.store8", 0x00, 0x3A, Imm.MEMARG, 0, "ai>"),
    I32_STORE16("i32.store16", 0x00, 0x3B, Imm.MEMARG, 1, "ai>"),
    I64_STORE8("i64.store8", 0x00, 0x3C, Imm.MEMARG, 0, "al>"),
    I64_STORE16("i64.store16", 0x00, 0x3D, Imm.MEMARG, 1, "al>"),
    I64_STORE32("i64.store32", 0x00, 0x3E, Imm.MEMARG, 2, "al>"),
    MEMORY_SIZE("memory.size", 0x00, 0x3F, Imm.MEMORY, -1, ">a"),
    MEMORY_GROW("memory.grow", 0x00, 0x40, Imm.MEMORY, -1, "a>a"),
    I32_CONST("i32.const", 0x00, 0x41, Imm.I32, -1, ">i"),
    I64_CONST("i64.const", 0x00, 0x42, Imm.I64, -1, ">l"),
    F32_CONST("f32.const", 0x00, 0x43, Imm.F32, -1, ">f"),
    F64_CONST("f64.const", 0x00, 0x44, Imm.F64, -1, ">d"),
    I32_EQZ("i32.eqz", 0x00, 0x45, Imm.NONE, -1, "i>i"),
    I32_EQ("i32.eq", 0x00, 0x46, Imm.NONE, -1, "ii>i"),
    I32_NE("i32.ne", 0x00, 0x47, Imm.NONE, -1, "ii>i"),
    I32_LT_S("i32.lt_s", 0x00, 0x48, Imm.NONE, -1, "ii>i"),
    I32_LT_U("i32.lt_u", 0x00, 0x49, Imm.NONE, -1, "ii>i"),
    I32_GT_S("i32.gt_s", 0x00, 0x4A, Imm.NONE, -1, "ii>i"),
    I32_GT_U("i32.gt_u", 0x00, 0x4B, Imm.NONE, -1, "ii>i"),
    I32_LE_S("i32.le_s", 0x00, 0x4C, Imm.NONE, -1, "ii>i"),
    I32_LE_U("i32.le_u", 0x00, 0x4D, Imm.NONE, -1, "ii>i"),
    I32_GE_S("i32.ge_s", 0x00, 0x4E, Imm.NONE, -1, "ii>i"),
    I32_GE_U("i32.ge_u", 0x00, 0x4F, Imm.NONE, -1, "ii>i"),
    I64_EQZ("i64.eqz", 0x00, 0x50, Imm.NONE, -1, "l>i"),
    I64_EQ("i64.eq", 0x00, 0x51, Imm.NONE, -1, "ll>i"),
    I64_NE("i64.ne", 0x00, 0x52, Imm.NONE, -1, "ll>i"),
    I64_LT_S("i64.lt_s", 0x00, 0x53, Imm.NONE, -1, "ll>i"),
    I64_LT_U("i64.lt_u", 0x00, 0x54, Imm.NONE, -1, "ll>i"),
    I64_GT_S("i64.gt_s", 0x00, 0x55, Imm.NONE, -1, "ll>i"),
    I64_GT_U("i64.gt_u", 0x00, 0x56, Imm.NONE, -1, "ll>i"),
    I64_LE_S("i64.le_s", 0x00, 0x57, Imm.NONE, -1, "ll>i"),
    I64_LE_U("i64.le_u", 0x00, 0x58, Imm.NONE, -1, "ll>i"),
    I64_GE_S("i64.ge_s", 0x00, 0x59, Imm.NONE, -1, "ll>i"),
    I64_GE_U("i64.ge_u", 0x00, 0x5A, Imm.NONE, -1, "ll>i"),
    F32_EQ("f32.eq", 0x00, 0x5B, Imm.NONE, -1, "ff>i"),
    F32_NE("f32.ne", 0x00, 0x5C, Imm.NONE, -1, "ff>i"),
    F32_LT("f32.lt", 0x00, 0x5D, Imm.NONE, -1, "ff>i"),
    F32_GT("f32.gt", 0x00, 0x5E, Imm.NONE, -1, "ff>i"),
    F32_LE("f32.le", 0x00, 0x5F, Imm.NONE, -1, "ff>i"),
    F32_GE("f32.ge", 0x00, 0x60, Imm.NONE, -1, "ff>i"),
    F64_EQ("f64.eq", 0x00, 0x61, Imm.NONE, -1, "dd>i"),
    F64_NE("f64.ne", 0x00, 0x62, Imm.NONE, -1, "dd>i"),
    F64_LT("f64.lt", 0x00, 0x63, Imm.NONE, -1, "dd>i"),
    F64_GT("f64.gt", 0x00, 0x64, Imm.NONE, -1, "dd>i"),
    F64_LE("f64.le", 0x00, 0x65, Imm.NONE, -1, "dd>i"),
    F64_GE("f64.ge", 0x00, 0x66, Imm.NONE, -1, "dd>i"),
    I32_CLZ("i32.clz", 0x00, 0x67, Imm.NONE, -1, "i>i"),
    I32_CTZ("i32.ctz", 0x00, 0x68, Imm.NONE, -1, "i>i"),
    I32_POPCNT("i32.popcnt", 0x00, 0x69, Imm.NONE, -1, "i>i"),
    I32_ADD("i32.add", 0x00, 0x6A, Imm.NONE, -1, "ii>i"),
    I32_SUB("i32.sub", 0x00, 0x6B, Imm.NONE, -1, "ii>i"),
    I32_MUL("i32.mul", 0x00, 0x6C, Imm.NONE, -1, "ii>i"),
    I32_DIV_S("i32.div_s", 0x00, 0x6D, Imm.NONE, -1, "ii>i"),
    I32_DIV_U("i32.div_u", 0x00, 0x6E, Imm.NONE, -1, "ii>i"),
    I32_REM_S("i32.rem_s", 0x00, 0x6F, Imm.NONE, -1, "ii>i"),
    I32_REM_U("i32.rem_u", 0x00, 0x70, Imm.NONE, -1, "ii>i"),
    I32_AND("i32.and", 0x00, 0x71, Imm.NONE, -1, "ii>i"),
    I32_OR("i32.or", 0x00, 0x72, Imm.NONE, -1, "ii>i"),
    I32_XOR("i32.xor", 0x00, 0x73, Imm.NONE, -1, "ii>i"),
    I32_SHL("i32.shl", 0x00, 0x74, Imm.NONE, -1, "ii>i"),
    I32_SHR_S("i32.shr_s", 0x00, 0x75, Imm.NONE, -1, "ii>i"),
    I32_SHR_U("i32.shr_u", 0x00, 0x76, Imm.NONE, -1, "ii>i"),
    I32_ROTL("i32.rotl", 0x00, 0x77, Imm.NONE, -1, "ii>i"),
    I32_ROTR("i32.rotr", 0x00, 0x78, Imm.NONE, -1, "ii>i"),
    I64_CLZ("i64.clz", 0x00, 0x79, Imm.NONE, -1, "l>l"),
    I64_CTZ("i64.ctz", 0x00, 0x7A, Imm.NONE, -1, "l>l"),
    I64_POPCNT("i64.popcnt", 0x00, 0x7B, Imm.NONE, -1, "l>l"),
    I64_ADD("i64.add", 0x00, 0x7C, Imm.NONE, -1, "ll>l"),
    I64_SUB("i64.sub", 0x00, 0x7D, Imm.NONE, -1, "ll>l"),
    I64_MUL("i64.mul", 0x00, 0x7E, Imm.NONE, -1, "ll>l"),
    I64_DIV_S("i64.div_s", 0x00, 0x7F, Imm.NONE, -1, "ll>l"),
    I64_DIV_U("i64.div_u", 0x00, 0x80, Imm.NONE, -1, "ll>l"),
    I64_REM_S("i64.rem_s", 0x00, 0x81, Imm.NONE, -1, "ll>l"),
    I64_REM_U("i64.rem_u", 0x00, 0x82, Imm.NONE, -1, "ll>l"),
    I64_AND("i64.and", 0x00, 0x83, Imm.NONE, -1, "ll>l"),
    I64_OR("i64.or", 0x00, 0x84, Imm.NONE, -1, "ll>l"),
    I64_XOR("i64.xor", 0x00, 0x85, Imm.NONE, -1, "ll>l"),
    I64_SHL("i64.shl", 0x00, 0x86, Imm.NONE, -1, "ll>l"),
    I64_SHR_S("i64.shr_s", 0x00, 0x87, Imm.NONE, -1, "ll>l"),
    I64_SHR_U("i64.shr_u", 0x00, 0x88, Imm.NONE, -1, "ll>l"),
    I64_ROTL("i64.rotl", 0x00, 0x89, Imm.NONE, -1, "ll>l"),
    I64_ROTR("i64.rotr", 0x00, 0x8A, Imm.NONE, -1, "ll>l"),
    F32_ABS("f32.abs", 0x00, 0x8B, Imm.NONE, -1, "f>f"),
    F32_NEG("f32.neg", 0x00, 0x8C, Imm.NONE, -1, "f>f"),
    F32_CEIL("f32.ceil", 0x00, 0x8D, Imm.NONE, -1, "f>f"),
    F32_FLOOR("f32.floor", 0x00, 0x8E, Imm.NONE, -1, "f>f"),
    F32_TRUNC("f32.trunc", 0x00, 0x8F, Imm.NONE, -1, "f>f"),
    F32_NEAREST("f32.nearest", 0x00, 0x90, Imm.NONE, -1, "f>f"),
    F32_SQRT("f32.sqrt", 0x00, 0x91, Imm.NONE, -1, "f>f"),
    F32_ADD("f32.add", 0x00, 0x92, Imm.NONE, -1, "ff>f"),
    F32_SUB("f32.sub", 0x00, 0x93, Imm.NONE, -1, "ff>f"),
    F32_MUL("f32.mul", 0x00, 0x94, Imm.NONE, -1, "ff>f"),
    F32_DIV("f32.div", 0x00, 0x95, Imm.NONE, -1, "ff>f"),
    F32_MIN("f32.min", 0x00, 0x96, Imm.NONE, -1, "ff>f"),
    F32_MAX("f32.max", 0x00, 0x97, Imm.NONE, -1, "ff>f"),
    F32_COPYSIGN("f32.copysign", 0x00, 0x98, Imm.NONE, -1, "ff>f"),
    F64_ABS("f64.abs", 0x00, 0x99, Imm.NONE, -1, "d>d"),
    F64_NEG("f64.neg", 0x00, 0x9A, Imm.NONE, -1, "d>d"),
    F64_CEIL("f64.ceil", 0x00, 0x9B, Imm.NONE, -1, "d>d"),
    F64_FLOOR("f64.floor", 0x00, 0x9C, Imm.NONE, -1, "d>d"),
    F64_TRUNC("f64.trunc", 0x00, 0x9D, Imm.NONE, -1, "d>d"),
    F64_NEAREST("f64.nearest", 0x00, 0x9E, Imm.NONE, -1, "d>d"),
    F64_SQRT("f64.sqrt", 0x00, 0x9F, Imm.NONE, -1, "d>d"),
    F64_ADD("f64.add", 0x00, 0xA0, Imm.NONE, -1, "dd>d"),
    F64_SUB("f64.sub", 0x00, 0xA1, Imm.NONE, -1, "dd>d"),
    F64_MUL("f64.mul", 0x00, 0xA2, Imm.NONE, -1, "dd>d"),
    F64_DIV("f64.div", 0x00, 0xA3, Imm.NONE, -1, "dd>d"),
    F64_MIN("f64.min", 0x00, 0xA4, Imm.NONE, -1, "dd>d"),
    F64_MAX("f64.max", 0x00, 0xA5, Imm.NONE, -1, "dd>d"),
    F64_COPYSIGN("f64.copysign", 0x00, 0xA6, Imm.NONE, -1, "dd>d"),
    I32_WRAP_I64("i32.wrap_i64", 0x00, 0xA7, Imm.NONE, -1, "l>i"),
    I32_TRUNC_F32_S("i32.trunc_f32_s", 0x00, 0xA8, Imm.NONE, -1, "f>i"),
    I32_TRUNC_F32_U("i32.trunc_f32_u", 0x00, 0xA9, Imm.NONE, -1, "f>i"),
    I32_TRUNC_F64_S("i32.trunc_f64_s", 0x00, 0xAA, Imm.NONE, -1, "d>i"),
    I32_TRUNC_F64_U("i32.trunc_f64_u", 0x00, 0xAB, Imm.NONE, -1, "d>i"),
    I64_EXTEND_I32_S("i64.extend_i32_s", 0x00, 0xAC, Imm.NONE, -1, "i>l"),
    I64_EXTEND_I32_U("i64.extend_i32_u", 0x00, 0xAD, Imm.NONE, -1, "i>l"),
    I64_TRUNC_F32_S("i64.trunc_f32_s", 0x00, 0xAE, Imm.NONE, -1, "f>l"),
    I64_TRUNC_F32_U("i64.trunc_f32_u", 0x00, 0xAF, Imm.NONE, -1, "f>l"),
    I64_TRUNC_F64_S("i64.trunc_f64_s", 0x00, 0xB0, Imm.NONE, -1, "d>l"),
    I64_TRUNC_F64_U("i64.trunc_f64_u", 0x00, 0xB1, Imm.NONE, -1, "d>l"),
    F32_CONVERT_I32_S("f32.convert_i32_s", 0x00, 0xB2, Imm.NONE, -1, "i>f"),
    F32_CONVERT_I32_U("f32.convert_i32_u", 0x00, 0xB3, Imm.NONE, -1, "i>f"),
    F32_CONVERT_I64_S("f32.convert_i64_s", 0x00, 0xB4, Imm.NONE, -1, "l>f"),
    F32_CONVERT_I64_U("f32.convert_i64_u", 0x00, 0xB5, Imm.NONE, -1, "l>f"),
    F32_DEMOTE_F64("f32.demote_f64", 0x00, 0xB6, Imm.NONE, -1, "d>f"),
    F64_CONVERT_I32_S("f64.convert_i32_s", 0x00, 0xB7, Imm.NONE, -1, "i>d"),
    F64_CONVERT_I32_U("f64.convert_i32_u", 0x00, 0xB8, Imm.NONE, -1, "i>d"),
    F64_CONVERT_I64_S("f64.convert_i64_s", 0x00, 0xB9, Imm.NONE, -1, "l>d"),
    F64_CONVERT_I64_U("f64.convert_i64_u", 0x00, 0xBA, Imm.NONE, -1, "l>d"),
    F64_PROMOTE_F32("f64.promote_f32", 0x00, 0xBB, Imm.NONE, -1, "f>d"),
    I32_REINTERPRET_F32("i32.reinterpret_f32", 0x00, 0xBC, Imm.NONE, -1, "f>i"),
    I64_REINTERPRET_F64("i64.reinterpret_f64", 0x00, 0xBD, Imm.NONE, -1, "d>l"),
    F32_REINTERPRET_I32("f32.reinterpret_i32", 0x00, 0xBE, Imm.NONE, -1, "i>f"),
    F64_REINTERPRET_I64("f64.reinterpret_i64", 0x00, 0xBF, Imm.NONE, -1, "l>d"),
    I32_EXTEND8_S("i32.extend8_s", 0x00, 0xC0, Imm.NONE, -1, "i>i"),
    I32_EXTEND16_S("i32.extend16_s", 0x00, 0xC1, Imm.NONE, -1, "i>i"),
    I64_EXTEND8_S("i64.extend8_s", 0x00, 0xC2, Imm.NONE, -1, "l>l"),
    I64_EXTEND16_S("i64.extend16_s", 0x00, 0xC3, Imm.NONE, -1, "l>l"),
    I64_EXTEND32_S("i64.extend32_s", 0x00, 0xC4, Imm.NONE, -1, "l>l"),
    REF_NULL("ref.null", 0x00, 0xD0, Imm.HEAP_TYPE, -1, null),
    REF_IS_NULL("ref.is_null", 0x00, 0xD1, Imm.NONE, -1, null),
    REF_FUNC("ref.func", 0x00, 0xD2, Imm.FUNC, -1, null),
    REF_EQ("ref.eq", 0x00, 0xD3, Imm.NONE, -1, null),
    REF_AS_NON_NULL("ref.as_non_null", 0x00, 0xD4, Imm.NONE, -1, null),
    BR_ON_NULL("br_on_null", 0x00, 0xD5, Imm.LABEL, -1, null),
    BR_ON_NON_NULL("br_on_non_null", 0x00, 0xD6, Imm.LABEL, -1, null),
    STRUCT_NEW("struct.new", 0xFB, 0x00, Imm.TYPE, -1, null),
    STRUCT_NEW_DEFAULT("struct.new_default", 0xFB, 0x01, Imm.TYPE, -1, null),
    STRUCT_GET("struct.get", 0xFB, 0x02, Imm.TYPE_FIELD, -1, null),
    STRUCT_GET_S("struct.get_s", 0xFB, 0x03, Imm.TYPE_FIELD, -1, null),
    STRUCT_GET_U("struct.get_u", 0xFB, 0x04, Imm.TYPE_FIELD, -1, null),
    STRUCT_SET("struct.set", 0xFB, 0x05, Imm.TYPE_FIELD, -1, null),
    ARRAY_NEW("array.new", 0xFB, 0x06, Imm.TYPE, -1, null),
    ARRAY_NEW_DEFAULT("array.new_default", 0xFB, 0x07, Imm.TYPE, -1, null),
    ARRAY_NEW_FIXED("array.new_fixed", 0xFB, 0x08, Imm.TYPE_COUNT, -1, null),
    ARRAY_NEW_DATA("array.new_data", 0xFB, 0x09, Imm.TYPE_DATA, -1, null),
    ARRAY_NEW_ELEM("array.new_elem", 0xFB, 0x0A, Imm.TYPE_ELEM, -1, null),
    ARRAY_GET("array.get", 0xFB, 0x0B, Imm.TYPE, -1, null),
    ARRAY_GET_S("array.get_s", 0xFB, 0x0C, Imm.TYPE, -1, null),
    ARRAY_GET_U("array.get_u", 0xFB, 0x0D, Imm.TYPE, -1, null),
    ARRAY_SET("array.set", 0xFB, 0x0E, Imm.TYPE, -1, null),
    ARRAY_LEN("array.len", 0xFB, 0x0F, Imm.NONE, -1, null),
    ARRAY_FILL("array.fill", 0xFB, 0x10, Imm.TYPE, -1, null),
    ARRAY_COPY("array.copy", 0xFB, 0x11, Imm.TYPE_TYPE, -1, null),
    ARRAY_INIT_DATA("array.init_data", 0xFB, 0x12, Imm.TYPE_DATA, -1, null),
    ARRAY_INIT_ELEM("array.init_elem", 0xFB, 0x13, Imm.TYPE_ELEM, -1, null),
    REF_TEST("ref.test", 0xFB, 0x14, Imm.HEAP_TYPE, -1, null),
    REF_TEST_NULL("ref.test", 0xFB, 0x15, Imm.HEAP_TYPE, -1, null),
    REF_CAST("ref.cast", 0xFB, 0x16, Imm.HEAP_TYPE, -1, null),
    REF_CAST_NULL("ref.cast", 0xFB, 0x17, Imm.HEAP_TYPE, -1, null),
    BR_ON_CAST("br_on_cast", 0xFB, 0x18, Imm.BR_ON_CAST, -1, null),
    BR_ON_CAST_FAIL("br_on_cast_fail", 0xFB, 0x19, Imm.BR_ON_CAST, -1, null),
    ANY_CONVERT_EXTERN("any.convert_extern", 0xFB, 0x1A, Imm.NONE, -1, null),
    EXTERN_CONVERT_ANY("extern.convert_any", 0xFB, 0x1B, Imm.NONE, -1, null),
    REF_I31("ref.i31", 0xFB, 0x1C, Imm.NONE, -1, null),
    I31_GET_S("i31.get_s", 0xFB, 0x1D, Imm.NONE, -1, null),
    I31_GET_U("i31.get_u", 0xFB, 0x1E, Imm.NONE, -1, null),
    I32_TRUNC_SAT_F32_S("i32.trunc_sat_f32_s", 0xFC, 0x00, Imm.NONE, -1, "f>i"),
    I32_TRUNC_SAT_F32_U("i32.trunc_sat_f32_u", 0xFC, 0x01, Imm.NONE, -1, "f>i"),
    I32_TRUNC_SAT_F64_S("i32.trunc_sat_f64_s", 0xFC, 0x02, Imm.NONE, -1, "d>i"),
    I32_TRUNC_SAT_F64_U("i32.trunc_sat_f64_u", 0xFC, 0x03, Imm.NONE, -1, "d>i"),
    I64_TRUNC_SAT_F32_S("i64.trunc_sat_f32_s", 0xFC, 0x04, Imm.NONE, -1, "f>l"),
    I64_TRUNC_SAT_F32_U("i64.trunc_sat_f32_u", 0xFC, 0x05, Imm.NONE, -1, "f>l"),
    I64_TRUNC_SAT_F64_S("i64.trunc_sat_f64_s", 0xFC, 0x06, Imm.NONE, -1, "d>l"),
    I64_TRUNC_SAT_F64_U("i64.trunc_sat_f64_u", 0xFC, 0x07, Imm.NONE, -1, "d>l"),
    MEMORY_INIT("memory.init", 0xFC, 0x08, Imm.MEMORY_INIT, -1, "aii>"),
    DATA_DROP("data.drop", 0xFC, 0x09, Imm.DATA, -1, ">"),
    MEMORY_COPY("memory.copy", 0xFC, 0x0A, Imm.MEMORY_COPY, -1, null),
    MEMORY_FILL("memory.fill", 0xFC, 0x0B, Imm.MEMORY, -1, "aia>"),
    TABLE_INIT("table.init", 0xFC, 0x0C, Imm.TABLE_INIT, -1, "aii>"),
    ELEM_DROP("elem.drop", 0xFC, 0x0D, Imm.ELEM, -1, ">"),
    TABLE_COPY("table.copy", 0xFC, 0x0E, Imm.TABLE_COPY, -1, null),
    TABLE_GROW("table.grow", 0xFC, 0x0F, Imm.TABLE, -1, null),
    TABLE_SIZE("table.size", 0xFC, 0x10, Imm.TABLE, -1, ">a"),
    TABLE_FILL("table.fill", 0xFC, 0x11, Imm.TABLE, -1, null),
    V128_LOAD("v128.load", 0xFD, 0x00, Imm.MEMARG, 4, "a>v"),
    V128_LOAD8X8_S("v128.load8x8_s", 0xFD, 0x01, Imm.MEMARG, 3, "a>v"),
    V128_LOAD8X8_U("v128.load8x8_u", 0xFD, 0x02, Imm.MEMARG, 3, "a>v"),
    V128_LOAD16X4_S("v128.load16x4_s", 0xFD, 0x03, Imm.MEMARG, 3, "a>v"),
    V128_LOAD16X4_U("v128.load16x4_u", 0xFD, 0x04, Imm.MEMARG, 3, "a>v"),
    V128_LOAD32X2_S("v128.load32x2_s", 0xFD, 0x05, Imm.MEMARG, 3, "a>v"),
    V128_LOAD32X2_U("v128.load32x2_u", 0xFD, 0x06, Imm.MEMARG, 3, "a>v"),
    V128_LOAD8_SPLAT("v128.load8_splat", 0xFD, 0x07, Imm.MEMARG, 0, "a>v"),
    V128_LOAD16_SPLAT("v128.load16_splat", 0xFD, 0x08, Imm.MEMARG, 1, "a>v"),
    V128_LOAD32_SPLAT("v128.load32_splat", 0xFD, 0x09, Imm.MEMARG, 2, "a>v"),
    V128_LOAD64_SPLAT("v128.load64_splat", 0xFD, 0x0A, Imm.MEMARG, 3, "a>v"),
    V128_STORE("v128.store", 0xFD, 0x0B, Imm.MEMARG, 4, "av>"),
    V128_CONST("v128.const", 0xFD, 0x0C, Imm.V128, -1, ">v"),
    I8X16_SHUFFLE("i8x16.shuffle", 0xFD, 0x0D, Imm.SHUFFLE, -1, "vv>v"),
    I8X16_SWIZZLE("i8x16.swizzle", 0xFD, 0x0E, Imm.NONE, -1, "vv>v"),
    I8X16_SPLAT("i8x16.splat", 0xFD, 0x0F, Imm.NONE, -1, "i>v"),
    I16X8_SPLAT("i16x8.splat", 0xFD, 0x10, Imm.NONE, -1, "i>v"),
    I32X4_SPLAT("i32x4.splat", 0xFD, 0x11, Imm.NONE, -1, "i>v"),
    I64X2_SPLAT("i64x2.splat", 0xFD, 0x12, Imm.NONE, -1, "l>v"),
    F32X4_SPLAT("f32x4.splat", 0xFD, 0x13, Imm.NONE, -1, "f>v"),
    F64X2_SPLAT("f64x2.splat", 0xFD, 0x14, Imm.NONE, -1, "d>v"),
    I8X16_EXTRACT_LANE_S("i8x16.extract_lane_s", 0xFD, 0x15, Imm.LANE, -1, "v>i"),
    I8X16_EXTRACT_LANE_U("i8x16.extract_lane_u", 0xFD, 0x16, Imm.LANE, -1, "v>i"),
    I8X16_REPLACE_LANE("i8x16.replace_lane", 0xFD, 0x17, Imm.LANE, -1, "vi>v"),
    I16X8_EXTRACT_LANE_S("i16x8.extract_lane_s", 0xFD, 0x18, Imm.LANE, -1, "v>i"),
    I16X8_EXTRACT_LANE_U("i16x8.extract_lane_u", 0xFD, 0x19, Imm.LANE, -1, "v>i"),
    I16X8_REPLACE_LANE("i16x8.replace_lane", 0xFD, 0x1A, Imm.LANE, -1, "vi>v"),
    I32X4_EXTRACT_LANE("i32x4.extract_lane", 0xFD, 0x1B, Imm.LANE, -1, "v>i"),
    I32X4_REPLACE_LANE("i32x4.replace_lane", 0xFD, 0x1C, Imm.LANE, -1, "vi>v"),
    I64X2_EXTRACT_LANE("i64x2.extract_lane", 0xFD, 0x1D, Imm.LANE, -1, "v>l"),
    I64X2_REPLACE_LANE("i64x2.replace_lane", 0xFD, 0x1E, Imm.LANE, -1, "vl>v"),
    F32X4_EXTRACT_LANE("f32x4.extract_lane", 0xFD, 0x1F, Imm.LANE, -1, "v>f"),
    F32X4_REPLACE_LANE("f32x4.replace_lane", 0xFD, 0x20, Imm.LANE, -1, "vf>v"),
    F64X2_EXTRACT_LANE("f64x2.extract_lane", 0xFD, 0x21, Imm.LANE, -1, "v>d"),
    F64X2_REPLACE_LANE("f64x2.replace_lane", 0xFD, 0x22, Imm.LANE, -1, "vd>v"),
    I8X16_EQ("i8x16.eq", 0xFD, 0x23, Imm.NONE, -1, "vv>v"),
    I8X16_NE("i8x16.ne", 0xFD, 0x24, Imm.NONE, -1, "vv>v"),
    I8X16_LT_S("i8x16.lt_s", 0xFD, 0x25, Imm.NONE, -1, "vv>v"),
    I8X16_LT_U("i8x16.lt_u", 0xFD, 0x26, Imm.NONE, -1, "vv>v"),
    I8X16_GT_S("i8x16.gt_s", 0xFD, 0x27, Imm.NONE, -1, "vv>v"),
    I8X16_GT_U("i8x16.gt_u", 0xFD, 0x28, Imm.NONE, -1, "vv>v"),
    I8X16_LE_S("i8x16.le_s", 0xFD, 0x29, Imm.NONE, -1, "vv>v"),
    I8X16_LE_U("i8x16.le_u", 0xFD, 0x2A, Imm.NONE, -1, "vv>v"),
    I8X16_GE_S("i8x16.ge_s", 0xFD, 0x2B, Imm.NONE, -1, "vv>v"),
    I8X16_GE_U("i8x16.ge_u", 0xFD, 0x2C, Imm.NONE, -1, "vv>v"),
    I16X8_EQ("i16x8.eq", 0xFD, 0x2D, Imm.NONE, -1, "vv>v"),
    I16X8_NE("i16x8.ne", 0xFD, 0x2E, Imm.NONE, -1, "vv>v"),
    I16X8_LT_S("i16x8.lt_s", 0xFD, 0x2F, Imm.NONE, -1, "vv>v"),
    I16X8_LT_U("i16x8.lt_u", 0xFD, 0x30, Imm.NONE, -1, "vv>v"),
    I16X8_GT_S("i16x8.gt_s", 0xFD, 0x31, Imm.NONE, -1, "vv>v"),
    I16X8_GT_U("i16x8.gt_u", 0xFD, 0x32, Imm.NONE, -1, "vv>v"),
    I16X8_LE_S("i16x8.le_s", 0xFD, 0x33, Imm.NONE, -1, "vv>v"),
    I16X8_LE_U("i16x8.le_u", 0xFD, 0x34, Imm.NONE, -1, "vv>v"),
    I16X8_GE_S("i16x8.ge_s", 0xFD, 0x35, Imm.NONE, -1, "vv>v"),
    I16X8_GE_U("i16x8.ge_u", 0xFD, 0x36, Imm.NONE, -1, "vv>v"),
    I32X4_EQ("i32x4.eq", 0xFD, 0x37, Imm.NONE, -1, "vv>v"),
    I32X4_NE("i32x4.ne", 0xFD, 0x38, Imm.NONE, -1, "vv>v"),
    I32X4_LT_S("i32x4.lt_s", 0xFD, 0x39, Imm.NONE, -1, "vv>v"),
    I32X4_LT_U("i32x4.lt_u", 0xFD, 0x3A, Imm.NONE, -1, "vv>v"),
    I32X4_GT_S("i32x4.gt_s", 0xFD, 0x3B, Imm.NONE, -1, "vv>v"),
    I32X4_GT_U("i32x4.gt_u", 0xFD, 0x3C, Imm.NONE, -1, "vv>v"),
    I32X4_LE_S("i32x4.le_s", 0xFD, 0x3D, Imm.NONE, -1, "vv>v"),
    I32X4_LE_U("i32x4.le_u", 0xFD, 0x3E, Imm.NONE, -1, "vv>v"),
    I32X4_GE_S("i32x4.ge_s", 0xFD, 0x3F, Imm.NONE, -1, "vv>v"),
    I32X4_GE_U("i32x4.ge_u", 0xFD, 0x40, Imm.NONE, -1, "vv>v"),
    F32X4_EQ("f32x4.eq", 0xFD, 0x41, Imm.NONE, -1, "vv>v"),
    F32X4_NE("f32x4.ne", 0xFD, 0x42, Imm.NONE, -1, "vv>v"),
    F32X4_LT("f32x4.lt", 0xFD, 0x43, Imm.NONE, -1, "vv>v"),
    F32X4_GT("f32x4.gt", 0xFD, 0x44, Imm.NONE, -1, "vv>v"),
    F32X4_LE("f32x4.le", 0xFD, 0x45, Imm.NONE, -1, "vv>v"),
    F32X4_GE("f32x4.ge", 0xFD, 0x46, Imm.NONE, -1, "vv>v"),
    F64X2_EQ("f64x2.eq", 0xFD, 0x47, Imm.NONE, -1, "vv>v"),
    F64X2_NE("f64x2.ne", 0xFD, 0x48, Imm.NONE, -1, "vv>v"),
    F64X2_LT("f64x2.lt", 0xFD, 0x49, Imm.NONE, -1, "vv>v"),
    F64X2_GT("f64x2.gt", 0xFD, 0x4A, Imm.NONE, -1, "vv>v"),
    F64X2_LE("f64x2.le", 0xFD, 0x4B, Imm.NONE, -1, "vv>v"),
    F64X2_GE("f64x2.ge", 0xFD, 0x4C, Imm.NONE, -1, "vv>v"),
    V128_NOT("v128.not", 0xFD, 0x4D, Imm.NONE, -1, "v>v"),
    V128_AND("v128.and", 0xFD, 0x4E, Imm.NONE, -1, "vv>v"),
    V128_ANDNOT("v128.andnot", 0xFD, 0x4F, Imm.NONE, -1, "vv>v"),
    V128_OR("v128.or", 0xFD, 0x50, Imm.NONE, -1, "vv>v"),
    V128_XOR("v128.xor", 0xFD, 0x51, Imm.NONE, -1, "vv>v"),
    V128_BITSELECT("v128.bitselect", 0xFD, 0x52, Imm.NONE, -1, "vvv>v"),
    V128_ANY_TRUE("v128.any_true", 0xFD, 0x53, Imm.NONE, -1, "v>i"),
    V128_LOAD8_LANE("v128.load8_lane", 0xFD, 0x54, Imm.MEMARG_LANE, 0, "av>v"),
    V128_LOAD16_LANE("v128.load16_lane", 0xFD, 0x55, Imm.MEMARG_LANE, 1, "av>v"),
    V128_LOAD32_LANE("v128.load32_lane", 0xFD, 0x56, Imm.MEMARG_LANE, 2, "av>v"),
    V128_LOAD64_LANE("v128.load64_lane", 0xFD, 0x57, Imm.MEMARG_LANE, 3, "av>v"),
    V128_STORE8_LANE("v128.store8_lane", 0xFD, 0x58, Imm.MEMARG_LANE, 0, "av>"),
    V128_STORE16_LANE("v128.store16_lane", 0xFD, 0x59, Imm.MEMARG_LANE, 1, "av>"),
    V128_STORE32_LANE("v128.store32_lane", 0xFD, 0x5A, Imm.MEMARG_LANE, 2, "av>"),
    V128_STORE64_LANE("v128.store64_lane", 0xFD, 0x5B, Imm.MEMARG_LANE, 3, "av>"),
    V128_LOAD32_ZERO("v128.load32_zero", 0xFD, 0x5C, Imm.MEMARG, 2, "a>v"),
    V128_LOAD64_ZERO("v128.load64_zero", 0xFD, 0x5D, Imm.MEMARG, 3, "a>v"),
    F32X4_DEMOTE_F64X2_ZERO("f32x4.demote_f64x2_zero", 0xFD, 0x5E, Imm.NONE, -1, "v>v"),
    F64X2_PROMOTE_LOW_F32X4("f64x2.promote_low_f32x4", 0xFD, 0x5F, Imm.NONE, -1, "v>v"),
    I8X16_ABS("i8x16.abs", 0xFD, 0x60, Imm.NONE, -1, "v>v"),
    I8X16_NEG("i8x16.neg", 0xFD, 0x61, Imm.NONE, -1, "v>v"),
    I8X16_POPCNT("i8x16.popcnt", 0xFD, 0x62, Imm.NONE, -1, "v>v"),
    I8X16_ALL_TRUE("i8x16.all_true", 0xFD, 0x63, Imm.NONE, -1, "v>i"),
    I8X16_BITMASK("i8x16.bitmask", 0xFD, 0x64, Imm.NONE, -1, "v>i"),
    I8X16_NARROW_I16X8_S("i8x16.narrow_i16x8_s", 0xFD, 0x65, Imm.NONE, -1, "vv>v"),
    I8X16_NARROW_I16X8_U("i8x16.narrow_i16x8_u", 0xFD, 0x66, Imm.NONE, -1, "vv>v"),
    F32X4_CEIL("f32x4.ceil", 0xFD, 0x67, Imm.NONE, -1, "v>v"),
    F32X4_FLOOR("f32x4.floor", 0xFD, 0x68, Imm.NONE, -1, "v>v"),
    F32X4_TRUNC("f32x4.trunc", 0xFD, 0x69, Imm.NONE, -1, "v>v"),
    F32X4_NEAREST("f32x4.nearest", 0xFD, 0x6A, Imm.NONE, -1, "v>v"),
    I8X16_SHL("i8x16.shl", 0xFD, 0x6B, Imm.NONE, -1, "vi>v"),
    I8X16_SHR_S("i8x16.shr_s", 0xFD, 0x6C, Imm.NONE, -1, "vi>v"),
    I8X16_SHR_U("i8x16.shr_u", 0xFD, 0x6D, Imm.NONE, -1, "vi>v"),
    I8X16_ADD("i8x16.add", 0xFD, 0x6E, Imm.NONE, -1, "vv>v"),
    I8X16_ADD_SAT_S("i8x16.add_sat_s", 0xFD, 0x6F, Imm.NONE, -1, "vv>v"),
    I8X16_ADD_SAT_U("i8x16.add_sat_u", 0xFD, 0x70, Imm.NONE, -1, "vv>v"),
    I8X16_SUB("i8x16.sub", 0xFD, 0x71, Imm.NONE, -1, "vv>v"),
    I8X16_SUB_SAT_S("i8x16.sub_sat_s", 0xFD, 0x72, Imm.NONE, -1, "vv>v"),
    I8X16_SUB_SAT_U("i8x16.sub_sat_u", 0xFD, 0x73, Imm.NONE, -1, "vv>v"),
    F64X2_CEIL("f64x2.ceil", 0xFD, 0x74, Imm.NONE, -1, "v>v"),
    F64X2_FLOOR("f64x2.floor", 0xFD, 0x75, Imm.NONE, -1, "v>v"),
    I8X16_MIN_S("i8x16.min_s", 0xFD, 0x76, Imm.NONE, -1, "vv>v"),
    I8X16_MIN_U("i8x16.min_u", 0xFD, 0x77, Imm.NONE, -1, "vv>v"),
    I8X16_MAX_S("i8x16.max_s", 0xFD, 0x78, Imm.NONE, -1, "vv>v"),
    I8X16_MAX_U("i8x16.max_u", 0xFD, 0x79, Imm.NONE, -1, "vv>v"),
    F64X2_TRUNC("f64x2.trunc", 0xFD, 0x7A, Imm.NONE, -1, "v>v"),
    I8X16_AVGR_U("i8x16.avgr_u", 0xFD, 0x7B, Imm.NONE, -1, "vv>v"),
    I16X8_EXTADD_PAIRWISE_I8X16_S("i16x8.extadd_pairwise_i8x16_s", 0xFD, 0x7C, Imm.NONE, -1, "v>v"),
    I16X8_EXTADD_PAIRWISE_I8X16_U("i16x8.extadd_pairwise_i8x16_u", 0xFD, 0x7D, Imm.NONE, -1, "v>v"),
    I32X4_EXTADD_PAIRWISE_I16X8_S("i32x4.extadd_pairwise_i16x8_s", 0xFD, 0x7E, Imm.NONE, -1, "v>v"),
    I32X4_EXTADD_PAIRWISE_I16X8_U("i32x4.extadd_pairwise_i16x8_u", 0xFD, 0x7F, Imm.NONE, -1, "v>v"),
    I16X8_ABS("i16x8.abs", 0xFD, 0x80, Imm.NONE, -1, "v>v"),
    I16X8_NEG("i16x8.neg", 0xFD, 0x81, Imm.NONE, -1, "v>v"),
    I16X8_Q15MULR_SAT_S("i16x8.q15mulr_sat_s", 0xFD, 0x82, Imm.NONE, -1, "vv>v"),
    I16X8_ALL_TRUE("i16x8.all_true", 0xFD, 0x83, Imm.NONE, -1, "v>i"),
    I16X8_BITMASK("i16x8.bitmask", 0xFD, 0x84, Imm.NONE, -1, "v>i"),
    I16X8_NARROW_I32X4_S("i16x8.narrow_i32x4_s", 0xFD, 0x85, Imm.NONE, -1, "vv>v"),
    I16X8_NARROW_I32X4_U("i16x8.narrow_i32x4_u", 0xFD, 0x86, Imm.NONE, -1, "vv>v"),
    I16X8_EXTEND_LOW_I8X16_S("i16x8.extend_low_i8x16_s", 0xFD, 0x87, Imm.NONE, -1, "v>v"),
    I16X8_EXTEND_HIGH_I8X16_S("i16x8.extend_high_i8x16_s", 0xFD, 0x88, Imm.NONE, -1, "v>v"),
    I16X8_EXTEND_LOW_I8X16_U("i16x8.extend_low_i8x16_u", 0xFD, 0x89, Imm.NONE, -1, "v>v"),
    I16X8_EXTEND_HIGH_I8X16_U("i16x8.extend_high_i8x16_u", 0xFD, 0x8A, Imm.NONE, -1, "v>v"),
    I16X8_SHL("i16x8.shl", 0xFD, 0x8B, Imm.NONE, -1, "vi>v"),
    I16X8_SHR_S("i16x8.shr_s", 0xFD, 0x8C, Imm.NONE, -1, "vi>v"),
    I16X8_SHR_U("i16x8.shr_u", 0xFD, 0x8D, Imm.NONE, -1, "vi>v"),
    I16X8_ADD("i16x8.add", 0xFD, 0x8E, Imm.NONE, -1, "vv>v"),
    I16X8_ADD_SAT_S("i16x8.add_sat_s", 0xFD, 0x8F, Imm.NONE, -1, "vv>v"),
    I16X8_ADD_SAT_U("i16x8.add_sat_u", 0xFD, 0x90, Imm.NONE, -1, "vv>v"),
    I16X8_SUB("i16x8.sub", 0xFD, 0x91, Imm.NONE, -1, "vv>v"),
    I16X8_SUB_SAT_S("i16x8.sub_sat_s", 0xFD, 0x92, Imm.NONE, -1, "vv>v"),
    I16X8_SUB_SAT_U("i16x8.sub_sat_u", 0xFD, 0x93, Imm.NONE, -1, "vv>v"),
    F64X2_NEAREST("f64x2.nearest", 0xFD, 0x94, Imm.NONE, -1, "v>v"),
    I16X8_MUL("i16x8.mul", 0xFD, 0x95, Imm.NONE, -1, "vv>v"),
    I16X8_MIN_S("i16x8.min_s", 0xFD, 0x96, Imm.NONE, -1, "vv>v"),
    I16X8_MIN_U("i16x8.min_u", 0xFD, 0x97, Imm.NONE, -1, "vv>v"),
    I16X8_MAX_S("i16x8.max_s", 0xFD, 0x98, Imm.NONE, -1, "vv>v"),
    I16X8_MAX_U("i16x8.max_u", 0xFD, 0x99, Imm.NONE, -1, "vv>v"),
    I16X8_AVGR_U("i16x8.avgr_u", 0xFD, 0x9B, Imm.NONE, -1, "vv>v"),
    I16X8_EXTMUL_LOW_I8X16_S("i16x8.extmul_low_i8x16_s", 0xFD, 0x9C, Imm.NONE, -1, "vv>v"),
    I16X8_EXTMUL_HIGH_I8X16_S("i16x8.extmul_high_i8x16_s", 0xFD, 0x9D, Imm.NONE, -1, "vv>v"),
    I16X8_EXTMUL_LOW_I8X16_U("i16x8.extmul_low_i8x16_u", 0xFD, 0x9E, Imm.NONE, -1, "vv>v"),
    I16X8_EXTMUL_HIGH_I8X16_U("i16x8.extmul_high_i8x16_u", 0xFD, 0x9F, Imm.NONE, -1, "vv>v"),
    I32X4_ABS("i32x4.abs", 0xFD, 0xA0, Imm.NONE, -1, "v>v"),
    I32X4_NEG("i32x4.neg", 0xFD, 0xA1, Imm.NONE, -1, "v>v"),
    I32X4_ALL_TRUE("i32x4.all_true", 0xFD, 0xA3, Imm.NONE, -1, "v>i"),
    I32X4_BITMASK("i32x4.bitmask", 0xFD, 0xA4, Imm.NONE, -1, "v>i"),
    I32X4_EXTEND_LOW_I16X8_S("i32x4.extend_low_i16x8_s", 0xFD, 0xA7, Imm.NONE, -1, "v>v"),
    I32X4_EXTEND_HIGH_I16X8_S("i32x4.extend_high_i16x8_s", 0xFD, 0xA8, Imm.NONE, -1, "v>v"),
    I32X4_EXTEND_LOW_I16X8_U("i32x4.extend_low_i16x8_u", 0xFD, 0xA9, Imm.NONE, -1, "v>v"),
    I32X4_EXTEND_HIGH_I16X8_U("i32x4.extend_high_i16x8_u", 0xFD, 0xAA, Imm.NONE, -1, "v>v"),
    I32X4_SHL("i32x4.shl", 0xFD, 0xAB, Imm.NONE, -1, "vi>v"),
    I32X4_SHR_S("i32x4.shr_s", 0xFD, 0xAC, Imm.NONE, -1, "vi>v"),
    I32X4_SHR_U("i32x4.shr_u", 0xFD, 0xAD, Imm.NONE, -1, "vi>v"),
    I32X4_ADD("i32x4.add", 0xFD, 0xAE, Imm.NONE, -1, "vv>v"),
    I32X4_SUB("i32x4.sub", 0xFD, 0xB1, Imm.NONE, -1, "vv>v"),
    I32X4_MUL("i32x4.mul", 0xFD, 0xB5, Imm.NONE, -1, "vv>v"),
    I32X4_MIN_S("i32x4.min_s", 0xFD, 0xB6, Imm.NONE, -1, "vv>v"),
    I32X4_MIN_U("i32x4.min_u", 0xFD, 0xB7, Imm.NONE, -1, "vv>v"),
    I32X4_MAX_S("i32x4.max_s", 0xFD, 0xB8, Imm.NONE, -1, "vv>v"),
    I32X4_MAX_U("i32x4.max_u", 0xFD, 0xB9, Imm.NONE, -1, "vv>v"),
    I32X4_DOT_I16X8_S("i32x4.dot_i16x8_s", 0xFD, 0xBA, Imm.NONE, -1, "vv>v"),
    I32X4_EXTMUL_LOW_I16X8_S("i32x4.extmul_low_i16x8_s", 0xFD, 0xBC, Imm.NONE, -1, "vv>v"),
    I32X4_EXTMUL_HIGH_I16X8_S("i32x4.extmul_high_i16x8_s", 0xFD, 0xBD, Imm.NONE, -1, "vv>v"),
    I32X4_EXTMUL_LOW_I16X8_U("i32x4.extmul_low_i16x8_u", 0xFD, 0xBE, Imm.NONE, -1, "vv>v"),
    I32X4_EXTMUL_HIGH_I16X8_U("i32x4.extmul_high_i16x8_u", 0xFD, 0xBF, Imm.NONE, -1, "vv>v"),
    I64X2_ABS("i64x2.abs", 0xFD, 0xC0, Imm.NONE, -1, "v>v"),
    I64X2_NEG("i64x2.neg", 0xFD, 0xC1, Imm.NONE, -1, "v>v"),
    I64X2_ALL_TRUE("i64x2.all_true", 0xFD, 0xC3, Imm.NONE, -1, "v>i"),
    I64X2_BITMASK("i64x2.bitmask", 0xFD, 0xC4, Imm.NONE, -1, "v>i"),
    I64X2_EXTEND_LOW_I32X4_S("i64x2.extend_low_i32x4_s", 0xFD, 0xC7, Imm.NONE, -1, "v>v"),
    I64X2_EXTEND_HIGH_I32X4_S("i64x2.extend_high_i32x4_s", 0xFD, 0xC8, Imm.NONE, -1, "v>v"),
    I64X2_EXTEND_LOW_I32X4_U("i64x2.extend_low_i32x4_u", 0xFD, 0xC9, Imm.NONE, -1, "v>v"),
    I64X2_EXTEND_HIGH_I32X4_U("i64x2.extend_high_i32x4_u", 0xFD, 0xCA, Imm.NONE, -1, "v>v"),
    I64X2_SHL("i64x2.shl", 0xFD, 0xCB, Imm.NONE, -1, "vi>v"),
    I64X2_SHR_S("i64x2.shr_s", 0xFD, 0xCC, Imm.NONE, -1, "vi>v"),
    I64X2_SHR_U("i64x2.shr_u", 0xFD, 0xCD, Imm.NONE, -1, "vi>v"),
    I64X2_ADD("i64x2.add", 0xFD, 0xCE, Imm.NONE, -1, "vv>v"),
    I64X2_SUB("i64x2.sub", 0xFD, 0xD1, Imm.NONE, -1, "vv>v"),
    I64X2_MUL("i64x2.mul", 0xFD, 0xD5, Imm.NONE, -1, "vv>v"),
    I64X2_EQ("i64x2.eq", 0xFD, 0xD6, Imm.NONE, -1, "vv>v"),
    I64X2_NE("i64x2.ne", 0xFD, 0xD7, Imm.NONE, -1, "vv>v"),
    I64X2_LT_S("i64x2.lt_s", 0xFD, 0xD8, Imm.NONE, -1, "vv>v"),
    I64X2_GT_S("i64x2.gt_s", 0xFD, 0xD9, Imm.NONE, -1, "vv>v"),
    I64X2_LE_S("i64x2.le_s", 0xFD, 0xDA, Imm.NONE, -1, "vv>v"),
    I64X2_GE_S("i64x2.ge_s", 0xFD, 0xDB, Imm.NONE, -1, "vv>v"),
    I64X2_EXTMUL_LOW_I32X4_S("i64x2.extmul_low_i32x4_s", 0xFD, 0xDC, Imm.NONE, -1, "vv>v"),
    I64X2_EXTMUL_HIGH_I32X4_S("i64x2.extmul_high_i32x4_s", 0xFD, 0xDD, Imm.NONE, -1, "vv>v"),
    I64X2_EXTMUL_LOW_I32X4_U("i64x2.extmul_low_i32x4_u", 0xFD, 0xDE, Imm.NONE, -1, "vv>v"),
    I64X2_EXTMUL_HIGH_I32X4_U("i64x2.extmul_high_i32x4_u", 0xFD, 0xDF, Imm.NONE, -1, "vv>v"),
    F32X4_ABS("f32x4.abs", 0xFD, 0xE0, Imm.NONE, -1, "v>v"),
    F32X4_NEG("f32x4.neg", 0xFD, 0xE1, Imm.NONE, -1, "v>v"),
    F32X4_SQRT("f32x4.sqrt", 0xFD, 0xE3, Imm.NONE, -1, "v>v"),
    F32X4_ADD("f32x4.add", 0xFD, 0xE4, Imm.NONE, -1, "vv>v"),
    F32X4_SUB("f32x4.sub", 0xFD, 0xE5, Imm.NONE, -1, "vv>v"),
    F32X4_MUL("f32x4.mul", 0xFD, 0xE6, Imm.NONE, -1, "vv>v"),
    F32X4_DIV("f32x4.div", 0xFD, 0xE7, Imm.NONE, -1, "vv>v"),
    F32X4_MIN("f32x4.min", 0xFD, 0xE8, Imm.NONE, -1, "vv>v"),
    F32X4_MAX("f32x4.max", 0xFD, 0xE9, Imm.NONE, -1, "vv>v"),
    F32X4_PMIN("f32x4.pmin", 0xFD, 0xEA, Imm.NONE, -1, "vv>v"),
    F32X4_PMAX("f32x4.pmax", 0xFD, 0xEB, Imm.NONE, -1, "vv>v"),
    F64X2_ABS("f64x2.abs", 0xFD, 0xEC, Imm.NONE, -1, "v>v"),
    F64X2_NEG("f64x2.neg", 0xFD, 0xED, Imm.NONE, -1, "v>v"),
    F64X2_SQRT("f64x2.sqrt", 0xFD, 0xEF, Imm.NONE, -1, "v>v"),
    F64X2_ADD("f64x2.add", 0xFD, 0xF0, Imm.NONE, -1, "vv>v"),
    F64X2_SUB("f64x2.sub", 0xFD, 0xF1, Imm.NONE, -1, "vv>v"),
    F64X2_MUL("f64x2.mul", 0xFD, 0xF2, Imm.NONE, -1, "vv>v"),
    F64X2_DIV("f64x2.div", 0xFD, 0xF3, Imm.NONE, -1, "vv>v"),
    F64X2_MIN("f64x2.min", 0xFD, 0xF4, Imm.NONE, -1, "vv>v"),
    F64X2_MAX("f64x2.max", 0xFD, 0xF5, Imm.NONE, -1, "vv>v"),
    F64X2_PMIN("f64x2.pmin", 0xFD, 0xF6, Imm.NONE, -1, "vv>v"),
    F64X2_PMAX("f64x2.pmax", 0xFD, 0xF7, Imm.NONE, -1, "vv>v"),
    I32X4_TRUNC_SAT_F32X4_S("i32x4.trunc_sat_f32x4_s", 0xFD, 0xF8, Imm.NONE, -1, "v>v"),
    I32X4_TRUNC_SAT_F32X4_U("i32x4.trunc_sat_f32x4_u", 0xFD, 0xF9, Imm.NONE, -1, "v>v"),
    F32X4_CONVERT_I32X4_S("f32x4.convert_i32x4_s", 0xFD, 0xFA, Imm.NONE, -1, "v>v"),
    F32X4_CONVERT_I32X4_U("f32x4.convert_i32x4_u", 0xFD, 0xFB, Imm.NONE, -1, "v>v"),
    I32X4_TRUNC_SAT_F64X2_S_ZERO("i32x4.trunc_sat_f64x2_s_zero", 0xFD, 0xFC, Imm.NONE, -1, "v>v"),
    I32X4_TRUNC_SAT_F64X2_U_ZERO("i32x4.trunc_sat_f64x2_u_zero", 0xFD, 0xFD, Imm.NONE, -1, "v>v"),
    F64X2_CONVERT_LOW_I32X4_S("f64x2.convert_low_i32x4_s", 0xFD, 0xFE, Imm.NONE, -1, "v>v"),
    F64X2_CONVERT_LOW_I32X4_U("f64x2.convert_low_i32x4_u", 0xFD, 0xFF, Imm.NONE, -1, "v>v"),
    I8X16_RELAXED_SWIZZLE("i8x16.relaxed_swizzle", 0xFD, 0x100, Imm.NONE, -1, "vv>v"),
    I32X4_RELAXED_TRUNC_F32X4_S("i32x4.relaxed_trunc_f32x4_s", 0xFD, 0x101, Imm.NONE, -1, "v>v"),
    I32X4_RELAXED_TRUNC_F32X4_U("i32x4.relaxed_trunc_f32x4_u", 0xFD, 0x102, Imm.NONE, -1, "v>v"),
    I32X4_RELAXED_TRUNC_F64X2_S("i32x4.relaxed_trunc_f64x2_s_zero", 0xFD, 0x103, Imm.NONE, -1, "v>v"),
    I32X4_RELAXED_TRUNC_F64X2_U("i32x4.relaxed_trunc_f64x2_u_zero", 0xFD, 0x104, Imm.NONE, -1, "v>v"),
    F32X4_RELAXED_MADD("f32x4.relaxed_madd", 0xFD, 0x105, Imm.NONE, -1, "vvv>v"),
    F32X4_RELAXED_NMADD("f32x4.relaxed_nmadd", 0xFD, 0x106, Imm.NONE, -1, "vvv>v"),
    F64X2_RELAXED_MADD("f64x2.relaxed_madd", 0xFD, 0x107, Imm.NONE, -1, "vvv>v"),
    F64X2_RELAXED_NMADD("f64x2.relaxed_nmadd", 0xFD, 0x108, Imm.NONE, -1, "vvv>v"),
    I8X16_RELAXED_LANESELECT("i8x16.relaxed_laneselect", 0xFD, 0x109, Imm.NONE, -1, "vvv>v"),
    I16X8_RELAXED_LANESELECT("i16x8.relaxed_laneselect", 0xFD, 0x10A, Imm.NONE, -1, "vvv>v"),
    I32X4_RELAXED_LANESELECT("i32x4.relaxed_laneselect", 0xFD, 0x10B, Imm.NONE, -1, "vvv>v"),
    I64X2_RELAXED_LANESELECT("i64x2.relaxed_laneselect", 0xFD, 0x10C, Imm.NONE, -1, "vvv>v"),
    F32X4_RELAXED_MIN("f32x4.relaxed_min", 0xFD, 0x10D, Imm.NONE, -1, "vv>v"),
    F32X4_RELAXED_MAX("f32x4.relaxed_max", 0xFD, 0x10E, Imm.NONE, -1, "vv>v"),
    F64X2_RELAXED_MIN("f64x2.relaxed_min", 0xFD, 0x10F, Imm.NONE, -1, "vv>v"),
    F64X2_RELAXED_MAX("f64x2.relaxed_max", 0xFD, 0x110, Imm.NONE, -1, "vv>v"),
    I16X8_RELAXED_Q15MULR_S("i16x8.relaxed_q15mulr_s", 0xFD, 0x111, Imm.NONE, -1, "vv>v"),
    I16X8_RELAXED_DOT_I8X16_I7X16_S("i16x8.relaxed_dot_i8x16_i7x16_s", 0xFD, 0x112, Imm.NONE, -1, "vv>v"),
    I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S("i32x4.relaxed_dot_i8x16_i7x16_add_s", 0xFD, 0x113, Imm.NONE, -1, "vvv>v"),
    TRY("try", 0x00, 0x06, Imm.BLOCK_TYPE, -1, null),
    CATCH("catch", 0x00, 0x07, Imm.TAG, -1, null),
    RETHROW("rethrow", 0x00, 0x09, Imm.LABEL, -1, null),
    DELEGATE("delegate", 0x00, 0x18, Imm.LABEL, -1, null),
    CATCH_ALL("catch_all", 0x00, 0x19, Imm.NONE, -1, null),
    MEMORY_ATOMIC_NOTIFY("memory.atomic.notify", 0xFE, 0x00, Imm.MEMARG, 2, "ai>i"),
    MEMORY_ATOMIC_WAIT32("memory.atomic.wait32", 0xFE, 0x01, Imm.MEMARG, 2, "ail>i"),
    MEMORY_ATOMIC_WAIT64("memory.atomic.wait64", 0xFE, 0x02, Imm.MEMARG, 3, "all>i"),
    ATOMIC_FENCE("atomic.fence", 0xFE, 0x03, Imm.ATOMIC_FENCE, -1, ">"),
    I32_ATOMIC_LOAD("i32.atomic.load", 0xFE, 0x10, Imm.MEMARG, 2, "a>i"),
    I64_ATOMIC_LOAD("i64.atomic.load", 0xFE, 0x11, Imm.MEMARG, 3, "a>l"),
    I32_ATOMIC_LOAD8_U("i32.atomic.load8_u", 0xFE, 0x12, Imm.MEMARG, 0, "a>i"),
    I32_ATOMIC_LOAD16_U("i32.atomic.load16_u", 0xFE, 0x13, Imm.MEMARG, 1, "a>i"),
    I64_ATOMIC_LOAD8_U("i64.atomic.load8_u", 0xFE, 0x14, Imm.MEMARG, 0, "a>l"),
    I64_ATOMIC_LOAD16_U("i64.atomic.load16_u", 0xFE, 0x15, Imm.MEMARG, 1, "a>l"),
    I64_ATOMIC_LOAD32_U("i64.atomic.load32_u", 0xFE, 0x16, Imm.MEMARG, 2, "a>l"),
    I32_ATOMIC_STORE("i32.atomic.store", 0xFE, 0x17, Imm.MEMARG, 2, "ai>"),
    I64_ATOMIC_STORE("i64.atomic.store", 0xFE, 0x18, Imm.MEMARG, 3, "al>"),
    I32_ATOMIC_STORE8("i32.atomic.store8", 0xFE, 0x19, Imm.MEMARG, 0, "ai>"),
    I32_ATOMIC_STORE16("i32.atomic.store16", 0xFE, 0x1A, Imm.MEMARG, 1, "ai>"),
    I64_ATOMIC_STORE8("i64.atomic.store8", 0xFE, 0x1B, Imm.MEMARG, 0, "al>"),
    I64_ATOMIC_STORE16("i64.atomic.store16", 0xFE, 0x1C, Imm.MEMARG, 1, "al>"),
    I64_ATOMIC_STORE32("i64.atomic.store32", 0xFE, 0x1D, Imm.MEMARG, 2, "al>"),
    I32_ATOMIC_RMW_ADD("i32.atomic.rmw.add", 0xFE, 0x1E, Imm.MEMARG, 2, "ai>i"),
    I64_ATOMIC_RMW_ADD("i64.atomic.rmw.add", 0xFE, 0x1F, Imm.MEMARG, 3, "al>l"),
    I32_ATOMIC_RMW8_ADD_U("i32.atomic.rmw8.add_u", 0xFE, 0x20, Imm.MEMARG, 0, "ai>i"),
    I32_ATOMIC_RMW16_ADD_U("i32.atomic.rmw16.add_u", 0xFE, 0x21, Imm.MEMARG, 1, "ai>i"),
    I64_ATOMIC_RMW8_ADD_U("i64.atomic.rmw8.add_u", 0xFE, 0x22, Imm.MEMARG, 0, "al>l"),
    I64_ATOMIC_RMW16_ADD_U("i64.atomic.rmw16.add_u", 0xFE, 0x23, Imm.MEMARG, 1, "al>l"),
    I64_ATOMIC_RMW32_ADD_U("i64.atomic.rmw32.add_u", 0xFE, 0x24, Imm.MEMARG, 2, "al>l"),
    I32_ATOMIC_RMW_SUB("i32.atomic.rmw.sub", 0xFE, 0x25, Imm.MEMARG, 2, "ai>i"),
    I64_ATOMIC_RMW_SUB("i64.atomic.rmw.sub", 0xFE, 0x26, Imm.MEMARG, 3, "al>l"),
    I32_ATOMIC_RMW8_SUB_U("i32.atomic.rmw8.sub_u", 0xFE, 0x27, Imm.MEMARG, 0, "ai>i"),
    I32_ATOMIC_RMW16_SUB_U("i32.atomic.rmw16.sub_u", 0xFE, 0x28, Imm.MEMARG, 1, "ai>i"),
    I64_ATOMIC_RMW8_SUB_U("i64.atomic.rmw8.sub_u", 0xFE, 0x29, Imm.MEMARG, 0, "al>l"),
    I64_ATOMIC_RMW16_SUB_U("i64.atomic.rmw16.sub_u", 0xFE, 0x2A, Imm.MEMARG, 1, "al>l"),
    I64_ATOMIC_RMW32_SUB_U("i64.atomic.rmw32.sub_u", 0xFE, 0x2B, Imm.MEMARG, 2, "al>l"),
    I32_ATOMIC_RMW_AND("i32.atomic.rmw.and", 0xFE, 0x2C, Imm.MEMARG, 2, "ai>i"),
    I64_ATOMIC_RMW_AND("i64.atomic.rmw.and", 0xFE, 0x2D, Imm.MEMARG, 3, "al>l"),
    I32_ATOMIC_RMW8_AND_U("i32.atomic.rmw8.and_u", 0xFE, 0x2E, Imm.MEMARG, 0, "ai>i"),
    I32_ATOMIC_RMW16_AND_U("i32.atomic.rmw16.and_u", 0xFE, 0x2F, Imm.MEMARG, 1, "ai>i"),
    I64_ATOMIC_RMW8_AND_U("i64.atomic.rmw8.and_u", 0xFE, 0x30, Imm.MEMARG, 0, "al>l"),
    I64_ATOMIC_RMW16_AND_U("i64.atomic.rmw16.and_u", 0xFE, 0x31, Imm.MEMARG, 1, "al>l"),
    I64_ATOMIC_RMW32_AND_U("i64.atomic.rmw32.and_u", 0xFE, 0x32, Imm.MEMARG, 2, "al>l"),
    I32_ATOMIC_RMW_OR("i32.atomic.rmw.or", 0xFE, 0x33, Imm.MEMARG, 2, "ai>i"),
    I64_ATOMIC_RMW_OR("i64.atomic.rmw.or", 0xFE, 0x34, Imm.MEMARG, 3, "al>l"),
    I32_ATOMIC_RMW8_OR_U("i32.atomic.rmw8.or_u", 0xFE, 0x35, Imm.MEMARG, 0, "ai>i"),
    I32_ATOMIC_RMW16_OR_U("i32.atomic.rmw16.or_u", 0xFE, 0x36, Imm.MEMARG, 1, "ai>i"),
    I64_ATOMIC_RMW8_OR_U("i64.atomic.rmw8.or_u", 0xFE, 0x37, Imm.MEMARG, 0, "al>l"),
    I64_ATOMIC_RMW16_OR_U("i64.atomic.rmw16.or_u", 0xFE, 0x38, Imm.MEMARG, 1, "al>l"),
    I64_ATOMIC_RMW32_OR_U("i64.atomic.rmw32.or_u", 0xFE, 0x39, Imm.MEMARG, 2, "al>l"),
    I32_ATOMIC_RMW_XOR("i32.atomic.rmw.xor", 0xFE, 0x3A, Imm.MEMARG, 2, "ai>i"),
    I64_ATOMIC_RMW_XOR("i64.atomic.rmw.xor", 0xFE, 0x3B, Imm.MEMARG, 3, "al>l"),
    I32_ATOMIC_RMW8_XOR_U("i32.atomic.rmw8.xor_u", 0xFE, 0x3C, Imm.MEMARG, 0, "ai>i"),
    I32_ATOMIC_RMW16_XOR_U("i32.atomic.rmw16.xor_u", 0xFE, 0x3D, Imm.MEMARG, 1, "ai>i"),
    I64_ATOMIC_RMW8_XOR_U("i64.atomic.rmw8.xor_u", 0xFE, 0x3E, Imm.MEMARG, 0, "al>l"),
    I64_ATOMIC_RMW16_XOR_U("i64.atomic.rmw16.xor_u", 0xFE, 0x3F, Imm.MEMARG, 1, "al>l"),
    I64_ATOMIC_RMW32_XOR_U("i64.atomic.rmw32.xor_u", 0xFE, 0x40, Imm.MEMARG, 2, "al>l"),
    I32_ATOMIC_RMW_XCHG("i32.atomic.rmw.xchg", 0xFE, 0x41, Imm.MEMARG, 2, "ai>i"),
    I64_ATOMIC_RMW_XCHG("i64.atomic.rmw.xchg", 0xFE, 0x42, Imm.MEMARG, 3, "al>l"),
    I32_ATOMIC_RMW8_XCHG_U("i32.atomic.rmw8.xchg_u", 0xFE, 0x43, Imm.MEMARG, 0, "ai>i"),
    I32_ATOMIC_RMW16_XCHG_U("i32.atomic.rmw16.xchg_u", 0xFE, 0x44, Imm.MEMARG, 1, "ai>i"),
    I64_ATOMIC_RMW8_XCHG_U("i64.atomic.rmw8.xchg_u", 0xFE, 0x45, Imm.MEMARG, 0, "al>l"),
    I64_ATOMIC_RMW16_XCHG_U("i64.atomic.rmw16.xchg_u", 0xFE, 0x46, Imm.MEMARG, 1, "al>l"),
    I64_ATOMIC_RMW32_XCHG_U("i64.atomic.rmw32.xchg_u", 0xFE, 0x47, Imm.MEMARG, 2, "al>l"),
    I32_ATOMIC_RMW_CMPXCHG("i32.atomic.rmw.cmpxchg", 0xFE, 0x48, Imm.MEMARG, 2, "aii>i"),
    I64_ATOMIC_RMW_CMPXCHG("i64.atomic.rmw.cmpxchg", 0xFE, 0x49, Imm.MEMARG, 3, "all>l"),
    I32_ATOMIC_RMW8_CMPXCHG_U("i32.atomic.rmw8.cmpxchg_u", 0xFE, 0x4A, Imm.MEMARG, 0, "aii>i"),
    I32_ATOMIC_RMW16_CMPXCHG_U("i32.atomic.rmw16.cmpxchg_u", 0xFE, 0x4B, Imm.MEMARG, 1, "aii>i"),
    I64_ATOMIC_RMW8_CMPXCHG_U("i64.atomic.rmw8.cmpxchg_u", 0xFE, 0x4C, Imm.MEMARG, 0, "all>l"),
    I64_ATOMIC_RMW16_CMPXCHG_U("i64.atomic.rmw16.cmpxchg_u", 0xFE, 0x4D, Imm.MEMARG, 1, "all>l"),
    I64_ATOMIC_RMW32_CMPXCHG_U("i64.atomic.rmw32.cmpxchg_u", 0xFE, 0x4E, Imm.MEMARG, 2, "all>l");

    /** Prefix bytes of the multi-byte opcodes; 0 for single-byte opcodes. */
    public static final int PREFIX_GC = 0xFB;
    public static final int PREFIX_MISC = 0xFC;
    public static final int PREFIX_SIMD = 0xFD;
    public static final int PREFIX_ATOMIC = 0xFE;

    private static final Opcode[] SINGLE = new Opcode[256];
    private static final Opcode[] GC = new Opcode[32];
    private static final Opcode[] MISC = new Opcode[32];
    private static final Opcode[] SIMD = new Opcode[0x114];
    private static final Opcode[] ATOMIC = new Opcode[0x50];
    private static final Map<String, Opcode> BY_MNEMONIC = new HashMap<>();

    static {
        for (Opcode op : values()) {
            table(op.prefix)[op.code] = op;
            BY_MNEMONIC.putIfAbsent(op.mnemonic, op);
        }
    }

    private static Opcode[] table(int prefix) {
        return switch (prefix) {
            case 0 -> SINGLE;
            case PREFIX_GC -> GC;
            case PREFIX_MISC -> MISC;
            case PREFIX_SIMD -> SIMD;
            case PREFIX_ATOMIC -> ATOMIC;
            default -> throw new IllegalArgumentException("not a prefix: " + prefix);
        };
    }

    private final String mnemonic;
    private final int prefix;
    private final int code;
    private final Imm imm;
    private final int naturalAlignLog2;
    private final String stack;

    Opcode(String mnemonic, int prefix, int code, Imm imm, int naturalAlignLog2, String stack) {
        this.mnemonic = mnemonic;
        this.prefix = prefix;
        this.code = code;
        this.imm = imm;
        this.naturalAlignLog2 = naturalAlignLog2;
        this.stack = stack;
    }

    /** The text-format name, e.g. {@code i32.add}. */
    public String mnemonic() {
        return mnemonic;
    }

    /** The prefix byte (0xFB, 0xFC, 0xFD, 0xFE) or 0 for a single-byte opcode. */
    public int prefix() {
        return prefix;
    }

    /** The opcode byte, or for prefixed opcodes the u32 that follows the prefix. */
    public int code() {
        return code;
    }

    /** The layout of the immediates that follow the opcode. */
    public Imm imm() {
        return imm;
    }

    /** For memory instructions, log2 of the natural alignment in bytes; -1 otherwise. */
    public int naturalAlignLog2() {
        return naturalAlignLog2;
    }

    /** The fixed operand stack signature (see the class comment), or null. */
    public String stack() {
        return stack;
    }

    /** Whether this is a memory load, store or atomic access with a memarg immediate. */
    public boolean isMemoryAccess() {
        return imm == Imm.MEMARG || imm == Imm.MEMARG_LANE;
    }

    /** The single-byte opcode {@code b}, or null if the byte is no opcode (or a prefix). */
    public static Opcode single(int b) {
        return SINGLE[b & 0xFF];
    }

    /** The prefixed opcode {@code prefix code}, or null if there is none. */
    public static Opcode prefixed(int prefix, long code) {
        Opcode[] t = table(prefix);
        return code >= 0 && code < t.length ? t[(int) code] : null;
    }

    /**
     * The opcode spelled {@code mnemonic} in the text format, or null. Where one mnemonic names
     * several encodings ({@code select}, {@code ref.test}, {@code ref.cast}), this is the first,
     * and the parser picks by the immediates.
     */
    public static Opcode byMnemonic(String mnemonic) {
        return BY_MNEMONIC.get(mnemonic);
    }

    /** The layouts of immediates, in binary order. */
    public enum Imm {
        /** No immediates. */
        NONE,
        /** A block type. */
        BLOCK_TYPE,
        /** A block type and a vector of catch clauses. */
        TRY_TABLE,
        /** A label index. */
        LABEL,
        /** A vector of label indices and a default label. */
        BR_TABLE,
        /** A function index. */
        FUNC,
        /** A type index. */
        TYPE,
        /** A type index then a table index. */
        CALL_INDIRECT,
        /** A local index. */
        LOCAL,
        /** A global index. */
        GLOBAL,
        /** A table index. */
        TABLE,
        /** A tag index. */
        TAG,
        /** A memory index. */
        MEMORY,
        /** A data index. */
        DATA,
        /** An element index. */
        ELEM,
        /** A data index then a memory index. */
        MEMORY_INIT,
        /** Destination then source memory index. */
        MEMORY_COPY,
        /** An element index then a table index. */
        TABLE_INIT,
        /** Destination then source table index. */
        TABLE_COPY,
        /** A memarg: alignment flags (with the memory index when bit 6 is set) and offset. */
        MEMARG,
        /** A memarg then a lane index byte. */
        MEMARG_LANE,
        /** A signed 32-bit LEB128 constant. */
        I32,
        /** A signed 64-bit LEB128 constant. */
        I64,
        /** Four bytes of an IEEE 754 single. */
        F32,
        /** Eight bytes of an IEEE 754 double. */
        F64,
        /** Sixteen bytes of a v128 constant. */
        V128,
        /** A lane index byte. */
        LANE,
        /** Sixteen lane index bytes. */
        SHUFFLE,
        /** A heap type. */
        HEAP_TYPE,
        /** A vector of value types. */
        SELECT_TYPES,
        /** A type index then a field index. */
        TYPE_FIELD,
        /** Destination then source type index. */
        TYPE_TYPE,
        /** A type index then an element count. */
        TYPE_COUNT,
        /** A type index then a data index. */
        TYPE_DATA,
        /** A type index then an element index. */
        TYPE_ELEM,
        /** Cast flags, a label index and two heap types. */
        BR_ON_CAST,
        /** One reserved zero byte. */
        ATOMIC_FENCE
    }
}
