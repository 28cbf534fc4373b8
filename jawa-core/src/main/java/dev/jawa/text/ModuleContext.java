package dev.jawa.text;

import dev.jawa.types.FuncType;
import dev.jawa.types.RecType;
import dev.jawa.types.SubType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the parser knows about the module while it parses: the index spaces with their
 * identifiers, and the type section, to which implicit function types (type uses that give only
 * parameters and results) are appended.
 */
final class ModuleContext {

    final IndexSpace types = new IndexSpace("type");
    final IndexSpace funcs = new IndexSpace("function");
    final IndexSpace tables = new IndexSpace("table");
    final IndexSpace memories = new IndexSpace("memory");
    final IndexSpace globals = new IndexSpace("global");
    final IndexSpace tags = new IndexSpace("tag");
    final IndexSpace elems = new IndexSpace("elem segment");
    final IndexSpace datas = new IndexSpace("data segment");

    /** The recursion groups, explicit ones first, then the implicit function types. */
    final List<RecType> recTypes = new ArrayList<>();
    /** Every defined type by index, as far as known. */
    final List<SubType> typeList = new ArrayList<>();
    /** The field identifiers of each struct type, by type index (null where there are none). */
    final List<IndexSpace> fields = new ArrayList<>();
    /** For implicit type uses: the first type that is a lone, plain function type. */
    private final Map<FuncType, Integer> plainFuncTypes = new HashMap<>();

    /** Appends an explicit recursion group. */
    void addRecType(RecType r) {
        int base = typeList.size();
        recTypes.add(r);
        typeList.addAll(r.types());
        if (r.types().size() == 1) {
            notePlain(base, r.types().get(0));
        }
    }

    private void notePlain(int index, SubType st) {
        if (st.isPlain() && st.composite() instanceof FuncType ft) {
            plainFuncTypes.putIfAbsent(ft, index);
        }
    }

    /**
     * The index of the type an implicit type use {@code ft} denotes: the first existing type that
     * is a final function type without supertypes alone in its recursion group and equal to
     * {@code ft}, or else a new such type appended to the type section.
     */
    int implicitType(FuncType ft) {
        Integer i = plainFuncTypes.get(ft);
        if (i != null) {
            return i;
        }
        int index = typeList.size();
        SubType st = SubType.plain(ft);
        recTypes.add(RecType.single(st));
        typeList.add(st);
        fields.add(null);
        plainFuncTypes.put(ft, index);
        types.bindAnonymous(1);
        return index;
    }

    /** The function type with index {@code index}, or null if there is none (yet). */
    FuncType funcType(int index) {
        if (index < 0 || index >= typeList.size()) {
            return null;
        }
        return typeList.get(index).composite() instanceof FuncType ft ? ft : null;
    }

    /** The field identifiers of type {@code index}, or null. */
    IndexSpace fieldSpace(int index) {
        return index >= 0 && index < fields.size() ? fields.get(index) : null;
    }
}
