package dev.jawa.text.wast;

import dev.jawa.module.Module;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Says where two modules differ, for failure messages: {@link Module#equals} only says that they
 * do, and a round-trip failure is much easier to chase with the part and index named.
 */
final class FormatsModuleDifference {

    private FormatsModuleDifference() {
    }

    /** A short description of the first part in which {@code a} and {@code b} differ, or null. */
    static String describe(Module a, Module b) {
        String d;
        if ((d = list("types", a, b, m -> m.recTypes())) != null
                || (d = list("imports", a, b, Module::imports)) != null
                || (d = list("functions", a, b, Module::functions)) != null
                || (d = list("tables", a, b, Module::tables)) != null
                || (d = list("memories", a, b, Module::memories)) != null
                || (d = list("tags", a, b, Module::tags)) != null
                || (d = list("globals", a, b, Module::globals)) != null
                || (d = list("exports", a, b, Module::exports)) != null
                || (d = list("elements", a, b, Module::elements)) != null
                || (d = list("datas", a, b, Module::datas)) != null
                || (d = list("custom sections", a, b, Module::customSections)) != null) {
            return d;
        }
        if (!a.start().equals(b.start())) {
            return "start differs: " + a.start() + " vs " + b.start();
        }
        if (a.hasDataCount() != b.hasDataCount()) {
            return "data count section " + (a.hasDataCount() ? "present" : "absent") + " vs "
                    + (b.hasDataCount() ? "present" : "absent");
        }
        if (!a.names().equals(b.names())) {
            return "names differ";
        }
        return a.equals(b) ? null : "modules differ";
    }

    private static String list(String what, Module a, Module b, Function<Module, List<?>> part) {
        List<?> x = part.apply(a);
        List<?> y = part.apply(b);
        if (x.equals(y)) {
            return null;
        }
        if (x.size() != y.size()) {
            return what + ": " + x.size() + " vs " + y.size();
        }
        for (int i = 0; i < x.size(); i++) {
            if (!Objects.equals(x.get(i), y.get(i))) {
                return what + "[" + i + "] differs: " + clip(x.get(i)) + " vs " + clip(y.get(i));
            }
        }
        return what + " differ";
    }

    private static String clip(Object o) {
        String s = String.valueOf(o);
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
