package dev.jawa;

import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import java.util.List;

/** Function signatures as error messages show them, in WebAssembly's text and in Java's terms. */
final class Signatures {

    private Signatures() {
    }

    /** {@code (param i32 i32) (result i32)}, as the text format writes it. */
    static String text(FuncType t) {
        StringBuilder sb = new StringBuilder();
        group(sb, "param", t.params());
        group(sb, "result", t.results());
        return sb.isEmpty() ? "(func)" : sb.toString();
    }

    private static void group(StringBuilder sb, String keyword, List<ValType> types) {
        if (types.isEmpty()) {
            return;
        }
        sb.append(sb.isEmpty() ? "" : " ").append('(').append(keyword);
        for (ValType v : types) {
            sb.append(' ').append(v.text());
        }
        sb.append(')');
    }

    /** {@code (int, int) -> int}: the Java method a binding needs. */
    static String java(FuncType t) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < t.params().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(java(t.params().get(i)));
        }
        sb.append(") -> ");
        List<ValType> rs = t.results();
        sb.append(rs.isEmpty() ? "void" : rs.size() == 1 ? java(rs.get(0)) : "Object[]");
        return sb.toString();
    }

    /** The Java type of one value: the primitive for numbers, Object for references and v128. */
    static String java(ValType v) {
        if (v == NumType.I32) {
            return "int";
        } else if (v == NumType.I64) {
            return "long";
        } else if (v == NumType.F32) {
            return "float";
        } else if (v == NumType.F64) {
            return "double";
        }
        return "Object";
    }
}
