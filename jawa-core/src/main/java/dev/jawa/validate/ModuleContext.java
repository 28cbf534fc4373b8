package dev.jawa.validate;

import static dev.jawa.validate.TypeCodes.*;

import dev.jawa.InvalidModuleException;
import dev.jawa.types.AddressType;
import java.util.BitSet;

/**
 * The validation context C of the spec, for code: the index spaces of a module (functions,
 * tables, memories, globals, tags, element and data segments) in the validator's int form, and
 * the set of function indices that {@code ref.func} may name in function bodies.
 * Filled by {@link Validator} before any code is checked.
 */
final class ModuleContext {

    final ModuleTypes types;
    /** Type index of each function (imports first). */
    int[] funcTypes = new int[0];
    int funcCount;
    int[] tableElem = new int[0];
    boolean[] table64 = new boolean[0];
    int tableCount;
    boolean[] mem64 = new boolean[0];
    int memCount;
    int[] globalTypes = new int[0];
    boolean[] globalMutable = new boolean[0];
    int globalCount;
    /** Number of imported globals (visible to constant expressions of tables). */
    int importedGlobalCount;
    int[] tagTypes = new int[0];
    int tagCount;
    int[] elemTypes = new int[0];
    int elemCount;
    int dataCount;
    /** Function indices referenced outside function bodies (C.refs). */
    final BitSet declaredRefs = new BitSet();

    ModuleContext(ModuleTypes types) {
        this.types = types;
    }

    static int addressCode(AddressType a) {
        return a == AddressType.I64 ? I64 : I32;
    }

    // Index checks, each returning the (now known valid) index. They throw the testsuite's
    // wording; the code validator wraps them with the instruction's location.

    int func(int x) {
        if (x < 0 || x >= funcCount) {
            throw new InvalidModuleException("unknown function " + Integer.toUnsignedString(x));
        }
        return x;
    }

    int table(int x) {
        if (x < 0 || x >= tableCount) {
            throw new InvalidModuleException("unknown table " + Integer.toUnsignedString(x));
        }
        return x;
    }

    int memory(int x) {
        if (x < 0 || x >= memCount) {
            throw new InvalidModuleException("unknown memory " + Integer.toUnsignedString(x));
        }
        return x;
    }

    int global(int x, int limit) {
        if (x < 0 || x >= limit) {
            throw new InvalidModuleException("unknown global " + Integer.toUnsignedString(x));
        }
        return x;
    }

    int tag(int x) {
        if (x < 0 || x >= tagCount) {
            throw new InvalidModuleException("unknown tag " + Integer.toUnsignedString(x));
        }
        return x;
    }

    int elem(int x) {
        if (x < 0 || x >= elemCount) {
            throw new InvalidModuleException("unknown elem segment " + Integer.toUnsignedString(x));
        }
        return x;
    }

    int data(int x) {
        if (x < 0 || x >= dataCount) {
            throw new InvalidModuleException("unknown data segment " + Integer.toUnsignedString(x));
        }
        return x;
    }
}
