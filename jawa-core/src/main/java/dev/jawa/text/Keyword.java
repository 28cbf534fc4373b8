package dev.jawa.text;

import dev.jawa.module.Opcode;

/**
 * The keywords of the text format and of scripts, as small integer ids.
 *
 * <p>Instruction mnemonics have the id {@code opcode.ordinal()} of the first {@link Opcode} with
 * that mnemonic (so {@link #opcode(int)} maps back); every other keyword has one of the constants
 * below. The lexer turns each keyword into its id once, so the parsers compare integers, never
 * strings. A lower-case word that is none of these is an unknown operator, as in the reference
 * interpreter.
 */
public final class Keyword {

    private static final int BASE = 1000;
    private static final String[] WORDS = {
        "module", "type", "func", "param", "result", "local", "global", "table", "memory", "tag",
        "elem", "data", "declare", "offset", "item", "import", "export", "start", "mut", "field",
        "struct", "array", "sub", "final", "rec", "ref", "null", "then", "do", "catch_ref",
        "catch_all_ref", "shared", "i8", "i16", "i32", "i64", "f32", "f64", "v128", "i8x16",
        "i16x8", "i32x4", "i64x2", "f32x4", "f64x2", "funcref", "externref", "anyref", "eqref",
        "i31ref", "structref", "arrayref", "nullref", "nullfuncref", "nullexternref", "exnref",
        "nullexnref", "any", "eq", "i31", "exn", "noexn", "extern", "noextern", "none", "nofunc",
        "binary", "quote", "definition", "instance", "register", "invoke", "get", "assert_return",
        "assert_trap", "assert_exhaustion", "assert_exception", "assert_malformed",
        "assert_invalid", "assert_unlinkable", "assert_uninstantiable", "assert_malformed_custom",
        "assert_invalid_custom", "nan:canonical", "nan:arithmetic", "either", "thread", "wait",
        "script", "input", "output", "ref.extern", "ref.host", "ref.struct", "ref.array",
        "ref.exn", "ref.any", "unshared",
    };

    public static final int MODULE = BASE;
    public static final int TYPE = BASE + 1;
    public static final int FUNC = BASE + 2;
    public static final int PARAM = BASE + 3;
    public static final int RESULT = BASE + 4;
    public static final int LOCAL = BASE + 5;
    public static final int GLOBAL = BASE + 6;
    public static final int TABLE = BASE + 7;
    public static final int MEMORY = BASE + 8;
    public static final int TAG = BASE + 9;
    public static final int ELEM = BASE + 10;
    public static final int DATA = BASE + 11;
    public static final int DECLARE = BASE + 12;
    public static final int OFFSET = BASE + 13;
    public static final int ITEM = BASE + 14;
    public static final int IMPORT = BASE + 15;
    public static final int EXPORT = BASE + 16;
    public static final int START = BASE + 17;
    public static final int MUT = BASE + 18;
    public static final int FIELD = BASE + 19;
    public static final int STRUCT = BASE + 20;
    public static final int ARRAY = BASE + 21;
    public static final int SUB = BASE + 22;
    public static final int FINAL = BASE + 23;
    public static final int REC = BASE + 24;
    public static final int REF = BASE + 25;
    public static final int NULL = BASE + 26;
    public static final int THEN = BASE + 27;
    public static final int DO = BASE + 28;
    public static final int CATCH_REF = BASE + 29;
    public static final int CATCH_ALL_REF = BASE + 30;
    public static final int SHARED = BASE + 31;
    public static final int I8 = BASE + 32;
    public static final int I16 = BASE + 33;
    public static final int I32 = BASE + 34;
    public static final int I64 = BASE + 35;
    public static final int F32 = BASE + 36;
    public static final int F64 = BASE + 37;
    public static final int V128 = BASE + 38;
    public static final int I8X16 = BASE + 39;
    public static final int I16X8 = BASE + 40;
    public static final int I32X4 = BASE + 41;
    public static final int I64X2 = BASE + 42;
    public static final int F32X4 = BASE + 43;
    public static final int F64X2 = BASE + 44;
    public static final int FUNCREF = BASE + 45;
    public static final int EXTERNREF = BASE + 46;
    public static final int ANYREF = BASE + 47;
    public static final int EQREF = BASE + 48;
    public static final int I31REF = BASE + 49;
    public static final int STRUCTREF = BASE + 50;
    public static final int ARRAYREF = BASE + 51;
    public static final int NULLREF = BASE + 52;
    public static final int NULLFUNCREF = BASE + 53;
    public static final int NULLEXTERNREF = BASE + 54;
    public static final int EXNREF = BASE + 55;
    public static final int NULLEXNREF = BASE + 56;
    public static final int ANY = BASE + 57;
    public static final int EQ = BASE + 58;
    public static final int I31 = BASE + 59;
    public static final int EXN = BASE + 60;
    public static final int NOEXN = BASE + 61;
    public static final int EXTERN = BASE + 62;
    public static final int NOEXTERN = BASE + 63;
    public static final int NONE = BASE + 64;
    public static final int NOFUNC = BASE + 65;
    public static final int BINARY = BASE + 66;
    public static final int QUOTE = BASE + 67;
    public static final int DEFINITION = BASE + 68;
    public static final int INSTANCE = BASE + 69;
    public static final int REGISTER = BASE + 70;
    public static final int INVOKE = BASE + 71;
    public static final int GET = BASE + 72;
    public static final int ASSERT_RETURN = BASE + 73;
    public static final int ASSERT_TRAP = BASE + 74;
    public static final int ASSERT_EXHAUSTION = BASE + 75;
    public static final int ASSERT_EXCEPTION = BASE + 76;
    public static final int ASSERT_MALFORMED = BASE + 77;
    public static final int ASSERT_INVALID = BASE + 78;
    public static final int ASSERT_UNLINKABLE = BASE + 79;
    public static final int ASSERT_UNINSTANTIABLE = BASE + 80;
    public static final int ASSERT_MALFORMED_CUSTOM = BASE + 81;
    public static final int ASSERT_INVALID_CUSTOM = BASE + 82;
    public static final int NAN_CANONICAL = BASE + 83;
    public static final int NAN_ARITHMETIC = BASE + 84;
    public static final int EITHER = BASE + 85;
    public static final int THREAD = BASE + 86;
    public static final int WAIT = BASE + 87;
    public static final int SCRIPT = BASE + 88;
    public static final int INPUT = BASE + 89;
    public static final int OUTPUT = BASE + 90;
    public static final int REF_EXTERN = BASE + 91;
    public static final int REF_HOST = BASE + 92;
    public static final int REF_STRUCT = BASE + 93;
    public static final int REF_ARRAY = BASE + 94;
    public static final int REF_EXN = BASE + 95;
    public static final int REF_ANY = BASE + 96;
    public static final int UNSHARED = BASE + 97;

    // Instruction keywords the parsers single out, as their ids.
    public static final int BLOCK = Opcode.BLOCK.ordinal();
    public static final int LOOP = Opcode.LOOP.ordinal();
    public static final int IF = Opcode.IF.ordinal();
    public static final int ELSE = Opcode.ELSE.ordinal();
    public static final int END = Opcode.END.ordinal();
    public static final int TRY = Opcode.TRY.ordinal();
    public static final int TRY_TABLE = Opcode.TRY_TABLE.ordinal();
    public static final int CATCH = Opcode.CATCH.ordinal();
    public static final int CATCH_ALL = Opcode.CATCH_ALL.ordinal();
    public static final int DELEGATE = Opcode.DELEGATE.ordinal();
    public static final int SELECT = Opcode.SELECT.ordinal();
    public static final int I32_CONST = Opcode.I32_CONST.ordinal();
    public static final int I64_CONST = Opcode.I64_CONST.ordinal();
    public static final int F32_CONST = Opcode.F32_CONST.ordinal();
    public static final int F64_CONST = Opcode.F64_CONST.ordinal();
    public static final int V128_CONST = Opcode.V128_CONST.ordinal();
    public static final int REF_NULL = Opcode.REF_NULL.ordinal();
    public static final int REF_FUNC = Opcode.REF_FUNC.ordinal();
    public static final int REF_I31 = Opcode.REF_I31.ordinal();
    public static final int REF_EQ = Opcode.REF_EQ.ordinal();

    private static final Opcode[] OPCODES = Opcode.values();
    private static final String[] TABLE_KEYS;
    private static final int[] TABLE_IDS;
    private static final int MASK;

    static {
        int n = OPCODES.length + WORDS.length;
        int size = Integer.highestOneBit(n * 4);
        MASK = size - 1;
        TABLE_KEYS = new String[size];
        TABLE_IDS = new int[size];
        for (Opcode op : OPCODES) {
            insert(op.mnemonic(), op.ordinal());
        }
        for (int i = 0; i < WORDS.length; i++) {
            insert(WORDS[i], BASE + i);
        }
    }

    private Keyword() {
    }

    private static void insert(String word, int id) {
        int h = hash(word, 0, word.length()) & MASK;
        while (TABLE_KEYS[h] != null) {
            if (TABLE_KEYS[h].equals(word)) {
                return; // a later opcode with the same mnemonic: the first one keeps the id
            }
            h = (h + 1) & MASK;
        }
        TABLE_KEYS[h] = word;
        TABLE_IDS[h] = id;
    }

    private static int hash(CharSequence s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 16);
    }

    /** The id of the keyword {@code src[start, end)}, or -1 if it is no keyword. */
    public static int lookup(String src, int start, int end) {
        int len = end - start;
        int h = hash(src, start, end) & MASK;
        String k;
        while ((k = TABLE_KEYS[h]) != null) {
            if (k.length() == len && src.regionMatches(start, k, 0, len)) {
                return TABLE_IDS[h];
            }
            h = (h + 1) & MASK;
        }
        return -1;
    }

    /** The id of {@code word}, or -1. */
    public static int lookup(String word) {
        return lookup(word, 0, word.length());
    }

    /** The instruction with keyword id {@code id}, or null if the keyword is no instruction. */
    public static Opcode opcode(int id) {
        return id >= 0 && id < OPCODES.length ? OPCODES[id] : null;
    }

    /** The spelling of keyword {@code id}. */
    public static String text(int id) {
        if (id >= 0 && id < OPCODES.length) {
            return OPCODES[id].mnemonic();
        }
        int w = id - BASE;
        return w >= 0 && w < WORDS.length ? WORDS[w] : "?";
    }
}
