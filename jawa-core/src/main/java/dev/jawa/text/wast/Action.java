package dev.jawa.text.wast;

import java.util.List;

/** What a script does to a module instance. {@code module} is the $name or null for the last. */
public sealed interface Action {

    /** The line of the action in the script. */
    int line();

    /** {@code (invoke $m? "name" args...)}. */
    record Invoke(int line, String module, String name, List<WastValue> args) implements Action {

        public Invoke {
            args = List.copyOf(args);
        }
    }

    /** {@code (get $m? "name")}: read an exported global. */
    record Get(int line, String module, String name) implements Action {
    }
}
