package dev.jawa.runtime;

import dev.jawa.module.Export;
import dev.jawa.validate.DefinedType;
import dev.jawa.validate.ValidatedModule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module instance: the module's index spaces resolved to instances (imports first), the
 * segments still available to {@code memory.init}/{@code table.init} (null once dropped), and
 * the exports by name. Made by {@link Instantiator}. The arrays are the interpreter's direct view
 * and must not be modified by anyone else.
 */
public final class ModuleInstance {

    private final ValidatedModule module;
    private final ExecutionTier tier;
    final DefinedType[] types;
    final FunctionInstance[] functions;
    final Table[] tables;
    final Memory[] memories;
    final Global[] globals;
    final TagInstance[] tags;
    /** Element segments' references, or null once dropped. */
    final Object[][] elements;
    /** Data segments' bytes, or null once dropped. */
    final byte[][] datas;
    private final Map<String, Object> exports = new LinkedHashMap<>();

    ModuleInstance(ValidatedModule module, ExecutionTier tier) {
        this.module = module;
        this.tier = tier;
        var m = module.module();
        this.types = module.types().toArray(new DefinedType[0]);
        this.functions = new FunctionInstance[m.funcCount()];
        this.tables = new Table[m.tableTypes().size()];
        this.memories = new Memory[m.memoryTypes().size()];
        this.globals = new Global[m.globalTypes().size()];
        this.tags = new TagInstance[m.tagTypes().size()];
        this.elements = new Object[m.elements().size()][];
        this.datas = new byte[m.datas().size()][];
    }

    public ValidatedModule module() {
        return module;
    }

    public ExecutionTier tier() {
        return tier;
    }

    public DefinedType[] types() {
        return types;
    }

    public FunctionInstance[] functions() {
        return functions;
    }

    public Table[] tables() {
        return tables;
    }

    public Memory[] memories() {
        return memories;
    }

    public Global[] globals() {
        return globals;
    }

    public TagInstance[] tags() {
        return tags;
    }

    /** Element segment {@code i}'s references, or null if dropped. */
    public Object[][] elementSegments() {
        return elements;
    }

    /** Data segment {@code i}'s bytes, or null if dropped. */
    public byte[][] dataSegments() {
        return datas;
    }

    /** The export named {@code name} (a FunctionInstance, Table, Memory, Global or TagInstance), or null. */
    public Object export(String name) {
        return exports.get(name);
    }

    /** The exports by name, in the module's order. */
    public Map<String, Object> exports() {
        return java.util.Collections.unmodifiableMap(exports);
    }

    void addExports() {
        for (Export e : module.module().exports()) {
            Object v = switch (e.kind()) {
                case FUNC -> functions[e.index()];
                case TABLE -> tables[e.index()];
                case MEMORY -> memories[e.index()];
                case GLOBAL -> globals[e.index()];
                case TAG -> tags[e.index()];
            };
            exports.put(e.name(), v);
        }
    }

    /** Creates the function instances of the defined functions (after the imported ones). */
    void createFunctions() {
        int imported = module.module().importedFuncCount();
        for (int i = imported; i < functions.length; i++) {
            functions[i] = new WasmFunction(module.funcType(i), this, i, i - imported);
        }
    }
}
