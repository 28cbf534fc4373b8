package dev.jawa.validate;

import static dev.jawa.module.Opcode.*;
import static dev.jawa.types.NumType.I32;
import static dev.jawa.types.NumType.I64;
import static dev.jawa.validate.Modules.invalid;
import static dev.jawa.validate.Modules.valid;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.Module;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.ArrayType;
import dev.jawa.types.CompositeType;
import dev.jawa.types.FieldType;
import dev.jawa.types.FuncType;
import dev.jawa.types.PackedType;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.StructType;
import dev.jawa.types.SubType;
import dev.jawa.types.TypeIndex;
import dev.jawa.types.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GC type system: rec groups, canonical identity, declared subtyping, aggregates, casts. */
class GcAndTypesTest {

    private static RecType rec(SubType... ts) {
        return new RecType(List.of(ts));
    }

    private static SubType open(CompositeType c, Integer... supers) {
        return new SubType(false, List.of(supers), c);
    }

    private static StructType struct(FieldType... fs) {
        return new StructType(List.of(fs));
    }

    private static FieldType imm(dev.jawa.types.StorageType t) {
        return new FieldType(t, false);
    }

    private static FieldType mut(dev.jawa.types.StorageType t) {
        return new FieldType(t, true);
    }

    private static RefType ref(int typeIndex) {
        return new RefType(false, TypeIndex.of(typeIndex));
    }

    private static RefType refNull(int typeIndex) {
        return new RefType(true, TypeIndex.of(typeIndex));
    }

    @Test
    void structurallyEqualRecGroupsAreOneCanonicalType() {
        // (rec (type $a (struct (field (ref null $b)))) (type $b (struct (field (ref null $a)))))
        RecType group = rec(SubType.plain(struct(imm(refNull(1)))), SubType.plain(struct(imm(refNull(0)))));
        Module m1 = Module.builder().addRecType(group).build();
        Module m2 = Module.builder().addRecType(RecType.single(SubType.plain(FuncType.EMPTY)))
                .addRecType(rec(SubType.plain(struct(imm(refNull(2)))), SubType.plain(struct(imm(refNull(1))))))
                .build();
        ValidatedModule v1 = valid(m1);
        ValidatedModule v2 = valid(m2);
        assertSame(v1.type(0), v2.type(1));
        assertSame(v1.type(1), v2.type(2));
        // inside the group the two members differ only by position, so they are distinct types
        assertNotSame(v1.type(0), v1.type(1));
        // singleton groups of equal structure are one type even within one module
        Module twice = Module.builder().addRecType(RecType.single(SubType.plain(FuncType.EMPTY)))
                .addRecType(RecType.single(SubType.plain(FuncType.EMPTY))).build();
        ValidatedModule v3 = valid(twice);
        assertSame(v3.type(0), v3.type(1));
        // but a group of one differs from a group of two
        Module pair = Module.builder().addRecType(rec(SubType.plain(FuncType.EMPTY), SubType.plain(FuncType.EMPTY))).build();
        assertNotSame(v3.type(0), valid(pair).type(0));
    }

    @Test
    void declaredSubtypingIsCanonicalAndTransitive() {
        Module m = Module.builder()
                .addRecType(RecType.single(open(struct(imm(I32)))))
                .addRecType(RecType.single(open(struct(imm(I32), mut(I64)), 0)))
                .addRecType(RecType.single(new SubType(true, List.of(1), struct(imm(I32), mut(I64), imm(I32)))))
                .build();
        ValidatedModule v = valid(m);
        assertTrue(v.type(2).isSubtypeOf(v.type(0)));
        assertFalse(v.type(0).isSubtypeOf(v.type(2)));
        assertTrue(v.type(2).isFinal());
        // the same declarations in another module give the same identities
        assertSame(v.type(2), valid(m.toBuilder().build()).type(2));
    }

    @Test
    void subtypesMustMatchANonFinalSupertype() {
        invalid(Module.builder().addRecType(RecType.single(SubType.plain(struct())))
                .addRecType(RecType.single(open(struct(), 0))).build(), "sub type");
        invalid(Module.builder().addRecType(RecType.single(open(struct(mut(I32)))))
                .addRecType(RecType.single(open(struct(imm(I32)), 0))).build(), "sub type 1 does not match super type 0");
        invalid(Module.builder().addRecType(RecType.single(open(new ArrayType(imm(I32)))))
                .addRecType(RecType.single(open(struct(), 0))).build(), "sub type");
        invalid(Module.builder().addRecType(RecType.single(open(struct(), 1)))
                .addRecType(RecType.single(open(struct()))).build(), "unknown type");
        invalid(Module.builder().addRecType(RecType.single(SubType.plain(struct(imm(refNull(3)))))).build(),
                "unknown type");
        // covariant immutable fields and function results, contravariant parameters
        valid(Module.builder().addRecType(RecType.single(open(struct(imm(RefType.ANYREF)))))
                .addRecType(RecType.single(open(struct(imm(RefType.EQREF)), 0))).build());
        valid(Module.builder().addRecType(RecType.single(open(new FuncType(List.of(RefType.EQREF), List.of(RefType.ANYREF)))))
                .addRecType(RecType.single(open(new FuncType(List.of(RefType.ANYREF), List.of(RefType.EQREF)), 0))).build());
        invalid(Module.builder().addRecType(RecType.single(open(new FuncType(List.of(RefType.ANYREF), List.of()))))
                .addRecType(RecType.single(open(new FuncType(List.of(RefType.EQREF), List.of()), 0))).build(), "sub type");
    }

    /** A module with {@code types} followed by type [] -> results and one function of it. */
    private static Module code(List<RecType> types, List<ValType> params, List<ValType> results, Expr body) {
        Module.Builder b = Module.builder();
        types.forEach(b::addRecType);
        b.addRecType(RecType.single(SubType.plain(new FuncType(params, results))));
        int t = 0;
        for (RecType r : types) {
            t += r.types().size();
        }
        return b.addFunction(new Function(t, List.of(), body)).build();
    }

    @Test
    void structInstructions() {
        List<RecType> ts = List.of(RecType.single(SubType.plain(struct(mut(I32), imm(PackedType.I8)))));
        valid(code(ts, List.of(), List.of(ref(0)), Code.of().i32(1).i32(2).op(STRUCT_NEW, 0).end()));
        invalid(code(ts, List.of(), List.of(ref(0)), Code.of().i32(1).op(STRUCT_NEW, 0).end()), "type mismatch");
        valid(code(ts, List.of(refNull(0)), List.of(I32), Code.of().op(LOCAL_GET, 0).op(STRUCT_GET_S, 0, 1).end()));
        invalid(code(ts, List.of(refNull(0)), List.of(I32), Code.of().op(LOCAL_GET, 0).op(STRUCT_GET, 0, 1).end()),
                "type mismatch");
        invalid(code(ts, List.of(refNull(0)), List.of(), Code.of().op(LOCAL_GET, 0).i32(0).op(STRUCT_SET, 0, 1).end()),
                "immutable field");
        valid(code(ts, List.of(refNull(0)), List.of(), Code.of().op(LOCAL_GET, 0).i32(0).op(STRUCT_SET, 0, 0).end()));
        invalid(code(ts, List.of(refNull(0)), List.of(I32), Code.of().op(LOCAL_GET, 0).op(STRUCT_GET, 0, 2).end()),
                "unknown field");
        List<RecType> nonDefaultable = List.of(RecType.single(SubType.plain(struct(imm(new RefType(false, AbsHeapType.ANY))))));
        invalid(code(nonDefaultable, List.of(), List.of(ref(0)), Code.of().op(STRUCT_NEW_DEFAULT, 0).end()), "type mismatch");
    }

    @Test
    void arrayInstructions() {
        List<RecType> ts = List.of(RecType.single(SubType.plain(new ArrayType(mut(PackedType.I16)))),
                RecType.single(SubType.plain(new ArrayType(imm(I32)))),
                RecType.single(SubType.plain(new ArrayType(mut(RefType.FUNCREF)))));
        valid(code(ts, List.of(), List.of(ref(0)), Code.of().i32(1).i32(2).i32(3).op(ARRAY_NEW_FIXED, 0, 3).end()));
        invalid(code(ts, List.of(), List.of(ref(0)), Code.of().i32(1).i32(2).op(ARRAY_NEW_FIXED, 0, 3).end()),
                "type mismatch");
        valid(code(ts, List.of(), List.of(ref(0)), Code.of().op(UNREACHABLE).op(ARRAY_NEW_FIXED, 0, -1).end()));
        invalid(code(ts, List.of(refNull(1)), List.of(), Code.of().op(LOCAL_GET, 0).i32(0).i32(0)
                .op(ARRAY_SET, 1).end()), "immutable array");
        invalid(code(ts, List.of(refNull(0), refNull(1)), List.of(), Code.of().op(LOCAL_GET, 0).i32(0)
                .op(LOCAL_GET, 1).i32(0).i32(0).op(ARRAY_COPY, 0, 1).end()), "array types do not match");
        invalid(code(ts, List.of(), List.of(ref(2)), Code.of().i32(0).i32(0).op(ARRAY_NEW_DATA, 2, 0).end()),
                "array type is not numeric or vector");
        valid(code(ts, List.of(refNull(0)), List.of(I32), Code.of().op(LOCAL_GET, 0).i32(0).op(ARRAY_GET_U, 0).end()));
        valid(code(ts, List.of(refNull(0)), List.of(I32), Code.of().op(LOCAL_GET, 0).op(ARRAY_LEN).end()));
        invalid(code(ts, List.of(), List.of(ref(0)), Code.of().i32(0).op(ARRAY_NEW_DEFAULT, 9).end()), "unknown type");
    }

    @Test
    void castsAndBranchesOnCasts() {
        List<RecType> ts = List.of(RecType.single(open(struct())), RecType.single(open(struct(imm(I32)), 0)));
        // ref.cast to a subtype
        valid(code(ts, List.of(refNull(0)), List.of(refNull(1)), Code.of().op(LOCAL_GET, 0)
                .heap(REF_CAST_NULL, TypeIndex.of(1)).end()));
        // ref.test of a func reference against a struct type: different hierarchies
        invalid(code(ts, List.of(RefType.FUNCREF), List.of(I32), Code.of().op(LOCAL_GET, 0)
                .heap(REF_TEST, TypeIndex.of(1)).end()), "type mismatch");
        // br_on_cast: the label gets the target type, the fall-through the difference
        Code ok = Code.of().block(BLOCK, ref(1)).op(LOCAL_GET, 0).brOnCast(BR_ON_CAST, 0, refNull(0), ref(1))
                .op(REF_AS_NON_NULL).op(DROP).op(UNREACHABLE).op(END);
        valid(code(ts, List.of(refNull(0)), List.of(ref(1)), ok.end()));
        // br_on_cast with a nullable target: fall-through is non-null
        Code diff = Code.of().block(BLOCK, refNull(1)).op(LOCAL_GET, 0).brOnCast(BR_ON_CAST, 0, refNull(0), refNull(1))
                .op(RETURN).op(END).op(UNREACHABLE);
        valid(code(ts, List.of(refNull(0)), List.of(ref(0)), diff.end()));
        Code notSub = Code.of().block(BLOCK, refNull(0)).op(LOCAL_GET, 0).brOnCast(BR_ON_CAST, 0, refNull(1), refNull(0))
                .op(DROP).op(UNREACHABLE).op(END);
        invalid(code(ts, List.of(refNull(1)), List.of(refNull(0)), notSub.end()), "type mismatch");
        // br_on_cast_fail sends the difference to the label
        Code fail = Code.of().block(BLOCK, refNull(0)).op(LOCAL_GET, 0).brOnCast(BR_ON_CAST_FAIL, 0, refNull(0), ref(1))
                .op(DROP).op(UNREACHABLE).op(END);
        valid(code(ts, List.of(refNull(0)), List.of(refNull(0)), fail.end()));
        Code failWrong = Code.of().block(BLOCK, ref(0)).op(LOCAL_GET, 0).brOnCast(BR_ON_CAST_FAIL, 0, refNull(0), ref(1))
                .op(DROP).op(UNREACHABLE).op(END);
        invalid(code(ts, List.of(refNull(0)), List.of(ref(0)), failWrong.end()), "type mismatch");
    }

    @Test
    void i31AndConversions() {
        valid(code(List.of(), List.of(), List.of(new RefType(false, AbsHeapType.I31)), Code.of().i32(5).op(REF_I31).end()));
        valid(code(List.of(), List.of(RefType.I31REF), List.of(I32), Code.of().op(LOCAL_GET, 0).op(I31_GET_U).end()));
        valid(code(List.of(), List.of(new RefType(false, AbsHeapType.EXTERN)), List.of(new RefType(false, AbsHeapType.ANY)),
                Code.of().op(LOCAL_GET, 0).op(ANY_CONVERT_EXTERN).end()));
        invalid(code(List.of(), List.of(RefType.EXTERNREF), List.of(new RefType(false, AbsHeapType.ANY)),
                Code.of().op(LOCAL_GET, 0).op(ANY_CONVERT_EXTERN).end()), "type mismatch");
        valid(code(List.of(), List.of(RefType.ANYREF), List.of(RefType.EXTERNREF),
                Code.of().op(LOCAL_GET, 0).op(EXTERN_CONVERT_ANY).end()));
        valid(code(List.of(), List.of(RefType.EQREF, RefType.I31REF), List.of(I32),
                Code.of().op(LOCAL_GET, 0).op(LOCAL_GET, 1).op(REF_EQ).end()));
        invalid(code(List.of(), List.of(RefType.ANYREF, RefType.I31REF), List.of(I32),
                Code.of().op(LOCAL_GET, 0).op(LOCAL_GET, 1).op(REF_EQ).end()), "type mismatch");
    }

    @Test
    void abstractHeapTypeHierarchy() {
        // none <: i31 <: eq <: any; nofunc <: func; noextern <: extern; exn and noexn
        valid(code(List.of(), List.of(), List.of(RefType.ANYREF), Code.of().heap(REF_NULL, AbsHeapType.NONE).end()));
        valid(code(List.of(), List.of(), List.of(RefType.I31REF), Code.of().heap(REF_NULL, AbsHeapType.NONE).end()));
        invalid(code(List.of(), List.of(), List.of(RefType.FUNCREF), Code.of().heap(REF_NULL, AbsHeapType.NONE).end()),
                "type mismatch");
        invalid(code(List.of(), List.of(), List.of(RefType.ANYREF), Code.of().heap(REF_NULL, AbsHeapType.EXTERN).end()),
                "type mismatch");
        valid(code(List.of(), List.of(), List.of(RefType.EXNREF), Code.of().heap(REF_NULL, AbsHeapType.NOEXN).end()));
        List<RecType> st = List.of(RecType.single(SubType.plain(struct())));
        valid(code(st, List.of(), List.of(refNull(0)), Code.of().heap(REF_NULL, AbsHeapType.NONE).end()));
        valid(code(st, List.of(refNull(0)), List.of(RefType.EQREF), Code.of().op(LOCAL_GET, 0).end()));
        invalid(code(st, List.of(refNull(0)), List.of(RefType.ARRAYREF), Code.of().op(LOCAL_GET, 0).end()), "type mismatch");
    }

    @Test
    void registryIsSafeUnderConcurrentRegistration() throws Exception {
        RecType group = rec(SubType.plain(struct(imm(refNull(1)), imm(I64))), SubType.plain(struct(imm(refNull(0)))));
        Module m = Module.builder().addRecType(group).build();
        DefinedType[][] results = new DefinedType[8][];
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            int k = i;
            threads[i] = new Thread(() -> results[k] = Validator.canonicalTypes(m));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (DefinedType[] r : results) {
            assertSame(results[0][0], r[0]);
            assertSame(results[0][1], r[1]);
            assertSame(r[1], r[0].resolve(1));
        }
    }

    @Test
    void typesOfDifferentModulesMatchThroughTheirCanonicalIdentity() {
        ValidatedModule a = valid(Module.builder()
                .addRecType(RecType.single(open(struct(imm(I32)))))
                .addRecType(RecType.single(open(struct(imm(I32), imm(I64)), 0))).build());
        ValidatedModule b = valid(Module.builder()
                .addRecType(RecType.single(SubType.plain(FuncType.EMPTY)))
                .addRecType(RecType.single(open(struct(imm(I32))))).build());
        assertTrue(TypeMatching.matches(ref(1), a, refNull(1), b));
        assertFalse(TypeMatching.matches(refNull(1), a, ref(1), b));
        assertFalse(TypeMatching.matches(ref(1), b, ref(1), a));
        assertTrue(TypeMatching.matches(ref(0), b, RefType.FUNCREF, a));
        assertTrue(TypeMatching.matches(ref(1), a, RefType.EQREF, b));
        assertFalse(TypeMatching.matches(ref(1), a, RefType.FUNCREF, b));
        assertTrue(TypeMatching.matches(RefType.NULLREF, a, refNull(1), b));
        assertFalse(TypeMatching.matches(RefType.NULLFUNCREF, a, refNull(1), b));
        assertTrue(TypeMatching.equivalent(refNull(0), a, refNull(1), b));
        assertTrue(TypeMatching.matches(I32, a, I32, b));
        assertFalse(TypeMatching.matches(I32, a, I64, b));
    }
}
