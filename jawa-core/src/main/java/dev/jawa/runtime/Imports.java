package dev.jawa.runtime;

/** Where instantiation finds what a module imports. */
@FunctionalInterface
public interface Imports {

    /**
     * The extern (a FunctionInstance, Table, Memory, Global or TagInstance) that module
     * {@code module} exports as {@code name}, or null if there is none.
     */
    Object resolve(String module, String name);
}
