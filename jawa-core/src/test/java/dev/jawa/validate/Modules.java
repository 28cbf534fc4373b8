package dev.jawa.validate;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.InvalidModuleException;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.types.FuncType;
import dev.jawa.types.RecType;
import dev.jawa.types.SubType;
import dev.jawa.types.ValType;
import java.util.List;

/** Helpers to build small test modules and check the validator's verdict. */
final class Modules {

    private Modules() {
    }

    static FuncType sig(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    /** A builder whose type 0 is {@code type}. */
    static Module.Builder withType(FuncType type) {
        return Module.builder().addRecType(RecType.single(SubType.plain(type)));
    }

    /** A module with one function of type {@code type}, the given locals and body. */
    static Module func(FuncType type, List<LocalGroup> locals, Expr body) {
        return withType(type).addFunction(new Function(0, locals, body)).build();
    }

    /** A module with one function {@code [] -> results}, no locals. */
    static Module func(List<ValType> results, Expr body) {
        return func(new FuncType(List.of(), results), List.of(), body);
    }

    static ValidatedModule valid(Module m) {
        return Validator.validate(m);
    }

    /** Asserts the module is invalid with a reason starting with {@code prefix}. */
    static InvalidModuleException invalid(Module m, String prefix) {
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> Validator.validate(m));
        assertTrue(e.reason().startsWith(prefix), () -> "expected \"" + prefix + "\" but got \"" + e.getMessage() + "\"");
        return e;
    }
}
