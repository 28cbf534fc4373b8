package dev.jawa.validate;

import static dev.jawa.module.Opcode.*;
import static dev.jawa.types.NumType.I32;
import static dev.jawa.types.NumType.I64;
import static dev.jawa.validate.Modules.invalid;
import static dev.jawa.validate.Modules.valid;

import dev.jawa.module.Export;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.Global;
import dev.jawa.module.Import;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.Module;
import dev.jawa.module.Table;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.AddressType;
import dev.jawa.types.FieldType;
import dev.jawa.types.FuncType;
import dev.jawa.types.GlobalType;
import dev.jawa.types.Limits;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.StructType;
import dev.jawa.types.SubType;
import dev.jawa.types.TableType;
import dev.jawa.types.TypeIndex;
import dev.jawa.types.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constant expressions, globals, imports, exports, the start function. */
class ModuleRulesTest {

    private static Module globals(Global... gs) {
        Module.Builder b = Module.builder()
                .addImport(new Import("m", "imm", new ImportDesc.Global(new GlobalType(I32, false))))
                .addImport(new Import("m", "mut", new ImportDesc.Global(new GlobalType(I32, true))));
        for (Global g : gs) {
            b.addGlobal(g);
        }
        return b.build();
    }

    private static Global global(ValType t, Expr init) {
        return new Global(new GlobalType(t, false), init);
    }

    @Test
    void extendedConstantExpressions() {
        valid(globals(global(I32, Code.of().op(GLOBAL_GET, 0).i32(3).op(I32_MUL).i32(1).op(I32_SUB).end())));
        valid(globals(global(I64, Code.of().i64(3).i64(1).op(I64_ADD).end())));
        invalid(globals(global(I32, Code.of().i32(3).i32(1).op(I32_DIV_S).end())), "constant expression required");
        invalid(globals(global(I32, Code.of().i32(1).i32(2).end())), "type mismatch");
        invalid(globals(global(I32, Code.of().end())), "type mismatch");
        invalid(globals(global(I64, Code.of().i32(0).end())), "type mismatch");
    }

    @Test
    void globalGetInConstantsSeesImmutableEarlierGlobals() {
        invalid(globals(global(I32, Code.of().op(GLOBAL_GET, 1).end())), "constant expression required");
        // defined global 2 may read global 2? no: only earlier ones
        invalid(globals(global(I32, Code.of().op(GLOBAL_GET, 2).end())), "unknown global");
        valid(globals(global(I32, Code.of().i32(0).end()), global(I32, Code.of().op(GLOBAL_GET, 2).end())));
        invalid(globals(global(I32, Code.of().op(GLOBAL_GET, 3).end()), global(I32, Code.of().i32(0).end())),
                "unknown global");
    }

    @Test
    void gcConstantExpressions() {
        RecType st = RecType.single(SubType.plain(new StructType(List.of(new FieldType(I32, false)))));
        Module ok = Module.builder().addRecType(st)
                .addGlobal(global(new RefType(false, TypeIndex.of(0)), Code.of().i32(1).op(STRUCT_NEW, 0).end()))
                .addGlobal(global(RefType.I31REF, Code.of().i32(1).op(REF_I31).end()))
                .addGlobal(global(RefType.EXTERNREF, Code.of().i32(1).op(REF_I31).op(EXTERN_CONVERT_ANY).end()))
                .build();
        valid(ok);
        Module bad = Module.builder().addRecType(st)
                .addGlobal(global(I32, Code.of().i32(1).op(STRUCT_NEW, 0).op(STRUCT_GET, 0, 0).end())).build();
        invalid(bad, "constant expression required");
    }

    @Test
    void tableInitializersAndRefFuncInConstants() {
        Module m = Modules.withType(new FuncType(List.of(), List.of()))
                .addFunction(new Function(0, List.of(), Code.of().end()))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(1), new RefType(false, AbsHeapType.FUNC)),
                        Code.of().op(REF_FUNC, 0).end()))
                .addFunction(new Function(0, List.of(), Code.of().op(REF_FUNC, 0).op(DROP).end()))
                .build();
        valid(m); // the table initializer declares function 0 for ref.func in code
    }

    @Test
    void globalsAreImmutableUnlessDeclaredMutable() {
        Module set = Modules.withType(new FuncType(List.of(), List.of()))
                .addImport(new Import("m", "g", new ImportDesc.Global(new GlobalType(I32, false))))
                .addFunction(new Function(0, List.of(), Code.of().i32(1).op(GLOBAL_SET, 0).end())).build();
        invalid(set, "immutable global");
        Module unknown = Modules.withType(new FuncType(List.of(), List.of()))
                .addFunction(new Function(0, List.of(), Code.of().op(GLOBAL_GET, 0).op(DROP).end())).build();
        invalid(unknown, "unknown global 0");
    }

    @Test
    void exportsAreUniqueAndInRange() {
        Module.Builder b = Modules.withType(new FuncType(List.of(), List.of()))
                .addFunction(new Function(0, List.of(), Code.of().end()));
        valid(b.build().toBuilder().addExport(new Export("a", ExternKind.FUNC, 0))
                .addExport(new Export("b", ExternKind.FUNC, 0)).build());
        invalid(b.build().toBuilder().addExport(new Export("a", ExternKind.FUNC, 0))
                .addExport(new Export("a", ExternKind.FUNC, 0)).build(), "duplicate export name");
        invalid(b.build().toBuilder().addExport(new Export("a", ExternKind.FUNC, 1)).build(), "unknown function 1");
        invalid(b.build().toBuilder().addExport(new Export("a", ExternKind.MEMORY, 0)).build(), "unknown memory 0");
        invalid(b.build().toBuilder().addExport(new Export("a", ExternKind.TAG, 0)).build(), "unknown tag 0");
    }

    @Test
    void startFunctionTakesAndReturnsNothing() {
        valid(Modules.withType(new FuncType(List.of(), List.of()))
                .addFunction(new Function(0, List.of(), Code.of().end())).start(0).build());
        invalid(Modules.withType(new FuncType(List.of(), List.of(I32)))
                .addFunction(new Function(0, List.of(), Code.of().i32(0).end())).start(0).build(), "start function");
        invalid(Modules.withType(new FuncType(List.of(), List.of()))
                .addFunction(new Function(0, List.of(), Code.of().end())).start(1).build(), "unknown function");
    }

    @Test
    void importsAndFunctionsNeedFunctionTypes() {
        RecType st = RecType.single(SubType.plain(new StructType(List.of())));
        invalid(Module.builder().addRecType(st).addImport(new Import("m", "f", new ImportDesc.Func(0))).build(),
                "type mismatch");
        invalid(Module.builder().addImport(new Import("m", "f", new ImportDesc.Func(0))).build(), "unknown type");
        invalid(Module.builder().addRecType(st).addFunction(new Function(0, List.of(), Code.of().end())).build(),
                "type mismatch");
        // an imported function precedes the defined ones in the index space
        Module m = Modules.withType(new FuncType(List.of(I32), List.of()))
                .addImport(new Import("m", "f", new ImportDesc.Func(0)))
                .addFunction(new Function(0, List.of(), Code.of().op(LOCAL_GET, 0).op(CALL, 0).end())).build();
        valid(m);
    }

    @Test
    void codeAfterTheFinalEndIsRejected() {
        Code c = Code.of().op(END).op(NOP);
        invalid(Modules.func(List.of(), c.raw()), "operators remaining");
    }
}
