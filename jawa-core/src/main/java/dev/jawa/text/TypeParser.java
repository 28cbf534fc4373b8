package dev.jawa.text;

import dev.jawa.types.AbsHeapType;
import dev.jawa.types.AddressType;
import dev.jawa.types.ArrayType;
import dev.jawa.types.CompositeType;
import dev.jawa.types.FieldType;
import dev.jawa.types.FuncType;
import dev.jawa.types.GlobalType;
import dev.jawa.types.HeapType;
import dev.jawa.types.Limits;
import dev.jawa.types.NumType;
import dev.jawa.types.PackedType;
import dev.jawa.types.RefType;
import dev.jawa.types.StorageType;
import dev.jawa.types.StructType;
import dev.jawa.types.SubType;
import dev.jawa.types.TypeIndex;
import dev.jawa.types.ValType;
import dev.jawa.types.VecType;
import java.util.ArrayList;
import java.util.List;

/** Parses types: value, reference, heap, field, function, struct, array and sub types. */
final class TypeParser {

    private final TokenCursor c;
    private final ModuleContext ctx;

    TypeParser(TokenCursor c, ModuleContext ctx) {
        this.c = c;
        this.ctx = ctx;
    }

    /** Whether a value type starts at the cursor. */
    boolean atValType() {
        int k = c.kw();
        return isValTypeKeyword(k) || c.isLParenKw(Keyword.REF);
    }

    private static boolean isValTypeKeyword(int k) {
        return (k >= Keyword.I32 && k <= Keyword.V128) || (k >= Keyword.FUNCREF && k <= Keyword.NULLEXNREF);
    }

    /** A value type. */
    ValType valType() {
        int k = c.kw();
        ValType t = switch (k) {
            case Keyword.I32 -> NumType.I32;
            case Keyword.I64 -> NumType.I64;
            case Keyword.F32 -> NumType.F32;
            case Keyword.F64 -> NumType.F64;
            case Keyword.V128 -> VecType.V128;
            default -> null;
        };
        if (t != null) {
            c.advance();
            return t;
        }
        return refType();
    }

    /** A reference type: an abbreviation such as {@code funcref}, or {@code (ref null? ht)}. */
    RefType refType() {
        RefType t = switch (c.kw()) {
            case Keyword.FUNCREF -> RefType.FUNCREF;
            case Keyword.EXTERNREF -> RefType.EXTERNREF;
            case Keyword.ANYREF -> RefType.ANYREF;
            case Keyword.EQREF -> RefType.EQREF;
            case Keyword.I31REF -> RefType.I31REF;
            case Keyword.STRUCTREF -> RefType.STRUCTREF;
            case Keyword.ARRAYREF -> RefType.ARRAYREF;
            case Keyword.NULLREF -> RefType.NULLREF;
            case Keyword.NULLFUNCREF -> RefType.NULLFUNCREF;
            case Keyword.NULLEXTERNREF -> RefType.NULLEXTERNREF;
            case Keyword.EXNREF -> RefType.EXNREF;
            case Keyword.NULLEXNREF -> RefType.NULLEXNREF;
            default -> null;
        };
        if (t != null) {
            c.advance();
            return t;
        }
        if (!c.isLParenKw(Keyword.REF)) {
            throw c.unexpected();
        }
        c.advance();
        c.advance();
        boolean nullable = false;
        if (c.isKw(Keyword.NULL)) {
            nullable = true;
            c.advance();
        }
        HeapType ht = heapType();
        c.expectRParen();
        return RefType.of(nullable, ht);
    }

    /** Whether the cursor is at a reference type. */
    boolean atRefType() {
        int k = c.kw();
        return (k >= Keyword.FUNCREF && k <= Keyword.NULLEXNREF) || c.isLParenKw(Keyword.REF);
    }

    /** A heap type: an abstract keyword or a type index. */
    HeapType heapType() {
        AbsHeapType a = absHeapType(c.kw());
        if (a != null) {
            c.advance();
            return a;
        }
        if (c.is(TokenKind.NAT) || c.is(TokenKind.ID)) {
            return TypeIndex.of(typeIndex());
        }
        throw c.unexpected();
    }

    /**
     * A type index. The model holds type indices as non-negative ints; an index of 2^31 or more
     * (which no module can define) is kept as {@link Integer#MAX_VALUE}, equally unknown to the
     * validator.
     */
    int typeIndex() {
        int i = ctx.types.resolve(c);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The abstract heap type keyword {@code k} stands for, or null. */
    static AbsHeapType absHeapType(int k) {
        return switch (k) {
            case Keyword.FUNC -> AbsHeapType.FUNC;
            case Keyword.EXTERN -> AbsHeapType.EXTERN;
            case Keyword.ANY -> AbsHeapType.ANY;
            case Keyword.EQ -> AbsHeapType.EQ;
            case Keyword.I31 -> AbsHeapType.I31;
            case Keyword.STRUCT -> AbsHeapType.STRUCT;
            case Keyword.ARRAY -> AbsHeapType.ARRAY;
            case Keyword.EXN -> AbsHeapType.EXN;
            case Keyword.NOEXN -> AbsHeapType.NOEXN;
            case Keyword.NOFUNC -> AbsHeapType.NOFUNC;
            case Keyword.NOEXTERN -> AbsHeapType.NOEXTERN;
            case Keyword.NONE -> AbsHeapType.NONE;
            default -> null;
        };
    }

    /** A storage type: a value type or a packed type. */
    StorageType storageType() {
        if (c.isKw(Keyword.I8)) {
            c.advance();
            return PackedType.I8;
        }
        if (c.isKw(Keyword.I16)) {
            c.advance();
            return PackedType.I16;
        }
        return valType();
    }

    /** A field type: {@code (mut st)} or {@code st}. */
    FieldType fieldType() {
        if (c.isLParenKw(Keyword.MUT)) {
            c.advance();
            c.advance();
            StorageType st = storageType();
            c.expectRParen();
            return new FieldType(st, true);
        }
        return new FieldType(storageType(), false);
    }

    /** A global type: {@code (mut t)} or {@code t}. */
    GlobalType globalType() {
        if (c.isLParenKw(Keyword.MUT)) {
            c.advance();
            c.advance();
            ValType t = valType();
            c.expectRParen();
            return new GlobalType(t, true);
        }
        return new GlobalType(valType(), false);
    }

    /**
     * Parameter declarations {@code (param t*)} and {@code (param $id t)}; with {@code ids} null,
     * identifiers are not allowed, otherwise each parameter adds its id (or null) there.
     */
    void params(List<ValType> out, List<String> ids, List<Integer> idTokens) {
        while (c.isLParenKw(Keyword.PARAM)) {
            c.advance();
            c.advance();
            if (c.isId() && ids != null) {
                idTokens.add(c.pos());
                ids.add(c.id());
                out.add(valType());
            } else {
                while (!c.is(TokenKind.RPAREN)) {
                    out.add(valType());
                    if (ids != null) {
                        ids.add(null);
                        idTokens.add(-1);
                    }
                }
            }
            c.expectRParen();
        }
    }

    /** Result declarations {@code (result t*)*}; a parameter after them is a syntax error. */
    void results(List<ValType> out) {
        while (c.isLParenKw(Keyword.RESULT)) {
            c.advance();
            c.advance();
            while (!c.is(TokenKind.RPAREN)) {
                out.add(valType());
            }
            c.expectRParen();
        }
        if (c.isLParenKw(Keyword.PARAM)) {
            throw c.unexpected();
        }
    }

    /** A function signature in a type definition: params (ids allowed, unbound) and results. */
    FuncType funcSignature() {
        List<ValType> params = new ArrayList<>();
        List<ValType> results = new ArrayList<>();
        params(params, new ArrayList<>(), new ArrayList<>());
        results(results);
        return new FuncType(params, results);
    }

    /**
     * The body of a type definition after {@code type $id?}: a sub type or a composite type.
     * Field identifiers of a struct go to {@code fieldIds}.
     */
    SubType subType(IndexSpace fieldIds) {
        if (c.isLParenKw(Keyword.SUB)) {
            c.advance();
            c.advance();
            boolean fin = false;
            if (c.isKw(Keyword.FINAL)) {
                fin = true;
                c.advance();
            }
            List<Integer> supers = new ArrayList<>();
            while (c.is(TokenKind.NAT) || c.is(TokenKind.ID)) {
                supers.add(typeIndex());
            }
            CompositeType ct = compositeType(fieldIds);
            c.expectRParen();
            return new SubType(fin, supers, ct);
        }
        return SubType.plain(compositeType(fieldIds));
    }

    private CompositeType compositeType(IndexSpace fieldIds) {
        int k = c.lparenKw();
        if (k == Keyword.FUNC) {
            c.advance();
            c.advance();
            FuncType ft = funcSignature();
            c.expectRParen();
            return ft;
        }
        if (k == Keyword.STRUCT) {
            c.advance();
            c.advance();
            List<FieldType> fields = new ArrayList<>();
            while (c.isLParenKw(Keyword.FIELD)) {
                c.advance();
                c.advance();
                if (c.isId()) {
                    int at = c.pos();
                    fieldIds.bind(c.id(), c, at);
                    fields.add(fieldType());
                } else {
                    while (!c.is(TokenKind.RPAREN)) {
                        fields.add(fieldType());
                        fieldIds.bindAnonymous(1);
                    }
                }
                c.expectRParen();
            }
            c.expectRParen();
            return new StructType(fields);
        }
        if (k == Keyword.ARRAY) {
            c.advance();
            c.advance();
            FieldType ft = fieldType();
            c.expectRParen();
            return new ArrayType(ft);
        }
        if (c.is(TokenKind.LPAREN)) {
            c.advance();
        }
        throw c.unexpected();
    }

    /** Checks that inline parameters and results agree with the explicit type {@code ft}. */
    void checkInline(int at, FuncType ft, List<ValType> ps, List<ValType> rs) {
        if (ft == null) {
            throw c.errorAt(at, "unknown type");
        }
        if (!ft.params().equals(ps) || !ft.results().equals(rs)) {
            throw c.errorAt(at, "inline function type does not match explicit type");
        }
    }

    /** An optional address type keyword ({@code i32} or {@code i64}). */
    AddressType addressType() {
        if (c.isKw(Keyword.I64)) {
            c.advance();
            return AddressType.I64;
        }
        if (c.isKw(Keyword.I32)) {
            c.advance();
        }
        return AddressType.I32;
    }

    /** Limits: {@code min max?} as unsigned 64-bit numbers. */
    Limits limits() {
        long min = c.nat(64);
        if (c.is(TokenKind.NAT)) {
            return Limits.between(min, c.nat(64));
        }
        return Limits.atLeast(min);
    }
}
