package dev.jawa.validate;

import static dev.jawa.module.Opcode.*;
import static dev.jawa.types.NumType.I32;
import static dev.jawa.types.NumType.I64;
import static dev.jawa.validate.Modules.invalid;
import static dev.jawa.validate.Modules.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jawa.module.BlockType;
import dev.jawa.module.Catch;
import dev.jawa.module.Export;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.FuncType;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.SubType;
import dev.jawa.types.TagType;
import dev.jawa.types.TypeIndex;
import dev.jawa.types.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Function references, null handling, tail calls, and both exception-handling designs. */
class ReferencesAndExceptionsTest {

    private static final FuncType VOID = new FuncType(List.of(), List.of());

    /** Type 0 = [] -> [], type 1 = [] -> results; one function of type 1 with {@code body}. */
    private static Module.Builder twoTypes(List<ValType> results, Expr body) {
        return Modules.withType(VOID).addRecType(RecType.single(SubType.plain(new FuncType(List.of(), results))))
                .addFunction(new Function(1, List.of(), body));
    }

    @Test
    void refFuncNeedsADeclaration() {
        invalid(twoTypes(List.of(RefType.FUNCREF), Code.of().op(REF_FUNC, 0).end()).build(),
                "undeclared function reference");
        valid(twoTypes(List.of(RefType.FUNCREF), Code.of().op(REF_FUNC, 0).end())
                .addExport(new Export("f", ExternKind.FUNC, 0)).build());
        invalid(twoTypes(List.of(RefType.FUNCREF), Code.of().op(REF_FUNC, 3).end()).build(), "unknown function 3");
    }

    @Test
    void refFuncHasTheFunctionsExactType() {
        RefType exact = new RefType(false, TypeIndex.of(1));
        valid(twoTypes(List.of(exact), Code.of().op(REF_FUNC, 0).end())
                .addExport(new Export("f", ExternKind.FUNC, 0)).build());
        RefType other = new RefType(false, TypeIndex.of(0));
        invalid(twoTypes(List.of(other), Code.of().op(REF_FUNC, 0).end())
                .addExport(new Export("f", ExternKind.FUNC, 0)).build(), "type mismatch");
    }

    @Test
    void callRefAndNullChecks() {
        RefType nullableT0 = new RefType(true, TypeIndex.of(0));
        RefType t0 = new RefType(false, TypeIndex.of(0));
        FuncType takes = new FuncType(List.of(nullableT0), List.of());
        Module m = Modules.withType(VOID).addRecType(RecType.single(SubType.plain(takes)))
                .addFunction(new Function(1, List.of(), Code.of().op(LOCAL_GET, 0).op(CALL_REF, 0).end())).build();
        valid(m);
        Module asNonNull = Modules.withType(VOID)
                .addRecType(RecType.single(SubType.plain(new FuncType(List.of(nullableT0), List.of(t0)))))
                .addFunction(new Function(1, List.of(), Code.of().op(LOCAL_GET, 0).op(REF_AS_NON_NULL).end())).build();
        valid(asNonNull);
        Module missing = Modules.withType(VOID)
                .addRecType(RecType.single(SubType.plain(new FuncType(List.of(nullableT0), List.of(t0)))))
                .addFunction(new Function(1, List.of(), Code.of().op(LOCAL_GET, 0).end())).build();
        invalid(missing, "type mismatch");
        // br_on_null leaves the non-null reference
        Module brOnNull = Modules.withType(VOID)
                .addRecType(RecType.single(SubType.plain(new FuncType(List.of(nullableT0), List.of(t0)))))
                .addFunction(new Function(1, List.of(), Code.of().block(BLOCK).op(LOCAL_GET, 0).op(BR_ON_NULL, 0)
                        .op(RETURN).op(END).op(UNREACHABLE).end())).build();
        valid(brOnNull);
        // br_on_non_null needs a label ending in a reference
        invalid(Modules.withType(VOID).addRecType(RecType.single(SubType.plain(new FuncType(List.of(nullableT0), List.of()))))
                .addFunction(new Function(1, List.of(), Code.of().op(LOCAL_GET, 0).op(BR_ON_NON_NULL, 0).end())).build(),
                "type mismatch");
    }

    @Test
    void tailCallsMustReturnWhatTheCallerReturns() {
        Module ok = twoTypes(List.of(I32), Code.of().op(RETURN_CALL, 1).end())
                .addFunction(new Function(1, List.of(), Code.of().i32(1).end())).build();
        valid(ok);
        Module bad = Modules.withType(new FuncType(List.of(), List.of(I64)))
                .addRecType(RecType.single(SubType.plain(new FuncType(List.of(), List.of(I32)))))
                .addFunction(new Function(1, List.of(), Code.of().op(RETURN_CALL, 1).end()))
                .addFunction(new Function(0, List.of(), Code.of().i64(1).end())).build();
        invalid(bad, "type mismatch");
    }

    private static Module.Builder withTag(FuncType tagType, List<ValType> results, Expr body) {
        return Modules.withType(tagType).addRecType(RecType.single(SubType.plain(new FuncType(List.of(), results))))
                .addTag(new TagType(0)).addFunction(new Function(1, List.of(), body));
    }

    @Test
    void tagsHaveNoResultsAndThrowPopsTheirPayload() {
        FuncType payload = new FuncType(List.of(I32), List.of());
        valid(withTag(payload, List.of(), Code.of().i32(1).op(THROW, 0).end()).build());
        invalid(withTag(payload, List.of(), Code.of().op(THROW, 0).end()).build(), "type mismatch");
        invalid(withTag(payload, List.of(), Code.of().i32(1).op(THROW, 1).end()).build(), "unknown tag 1");
        invalid(withTag(new FuncType(List.of(), List.of(I32)), List.of(), Code.of().end()).build(),
                "non-empty tag result type");
    }

    @Test
    void tryTableCatchClausesMustMatchTheirLabels() {
        FuncType payload = new FuncType(List.of(I32), List.of());
        Code ok = Code.of().block(BLOCK, I32).tryTable(BlockType.EMPTY, new Catch(Catch.Kind.CATCH, 0, 0))
                .op(END).op(UNREACHABLE).op(END);
        valid(withTag(payload, List.of(I32), ok.end()).build());
        Code wrong = Code.of().block(BLOCK, I64).tryTable(BlockType.EMPTY, new Catch(Catch.Kind.CATCH, 0, 0))
                .op(END).op(UNREACHABLE).op(END).op(DROP).i32(0);
        invalid(withTag(payload, List.of(I32), wrong.end()).build(), "type mismatch");
        Code ref = Code.of().block(BLOCK, new BlockType.Func(2))
                .tryTable(BlockType.EMPTY, new Catch(Catch.Kind.CATCH_REF, 0, 0)).op(END).op(UNREACHABLE).op(END)
                .op(DROP).op(DROP);
        Module.Builder b = withTag(payload, List.of(), ref.end())
                .addRecType(RecType.single(SubType.plain(new FuncType(List.of(),
                        List.of(I32, new RefType(false, AbsHeapType.EXN))))));
        FunctionInfo info = valid(b.build()).function(0);
        assertEquals(1, info.entryCount());
        assertEquals(2, info.arity(0));
        Code all = Code.of().block(BLOCK, RefType.EXNREF)
                .tryTable(BlockType.EMPTY, new Catch(Catch.Kind.CATCH_ALL_REF, 0, 0)).op(END).op(UNREACHABLE)
                .op(END).op(THROW_REF);
        valid(withTag(payload, List.of(), all.end()).build());
        Code badLabel = Code.of().tryTable(BlockType.EMPTY, new Catch(Catch.Kind.CATCH_ALL, 0, 3)).op(END);
        invalid(withTag(payload, List.of(), badLabel.end()).build(), "unknown label");
    }

    @Test
    void legacyTryCatchRethrowAndDelegate() {
        FuncType payload = new FuncType(List.of(I32), List.of());
        Code ok = Code.of().block(TRY, I32).i32(1).op(CATCH, 0).op(CATCH_ALL).op(RETHROW, 0).op(END);
        valid(withTag(payload, List.of(I32), ok.end()).build());
        Code catchValue = Code.of().block(TRY, I32).i32(1).op(CATCH, 0).op(END);
        FunctionInfo tc = valid(withTag(payload, List.of(I32), catchValue.end()).build()).function(0);
        // try (0..1), i32.const (2..3), catch 0 (4..5), end (6)
        assertEquals(3, tc.entryCount());
        assertEquals(4, tc.targetPc(0)); // exception dispatch goes to the catch
        assertEquals(1, tc.targetStp(0));
        assertEquals(6, tc.targetPc(1)); // the try body falling into the catch jumps to the end
        assertEquals(1, tc.arity(1));
        assertEquals(6, tc.targetPc(2)); // no further handler: the end
        assertEquals(3, tc.targetStp(2));
        Code rethrowOutside = Code.of().block(BLOCK).op(RETHROW, 0).op(END);
        invalid(withTag(payload, List.of(), rethrowOutside.end()).build(), "invalid rethrow label");
        Code rethrowInTry = Code.of().block(TRY).op(RETHROW, 0).op(DELEGATE, 0);
        invalid(withTag(payload, List.of(), rethrowInTry.end()).build(), "invalid rethrow label");
        Code delegate = Code.of().block(BLOCK).block(TRY).op(NOP).op(DELEGATE, 0).op(END);
        FunctionInfo info = valid(withTag(payload, List.of(), delegate.end()).build()).function(0);
        // try's dispatch entry then the delegate's own entry, pointing at the block
        assertEquals(2, info.entryCount());
        assertEquals(0, info.targetPc(1));
        invalid(withTag(payload, List.of(), Code.of().block(TRY).op(DELEGATE, 2).end()).build(), "unknown label");
    }

    @Test
    void nonNullableLocalsWithReferenceTypes() {
        RefType ref = new RefType(false, AbsHeapType.EXTERN);
        FuncType t = new FuncType(List.of(RefType.EXTERNREF), List.of());
        Module m = Modules.withType(t).addFunction(new Function(0, List.of(new LocalGroup(1, ref)),
                Code.of().op(LOCAL_GET, 0).op(REF_AS_NON_NULL).op(LOCAL_SET, 1).op(LOCAL_GET, 1).op(DROP).end())).build();
        valid(m);
    }
}
