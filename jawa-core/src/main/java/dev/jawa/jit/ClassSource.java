package dev.jawa.jit;

import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Where the classes of a module's compiled code come from: the compiler ({@link ModuleCompilation})
 * or stored bytes ({@link ClassImage}). {@link ModuleCode} asks for a class the first time one of
 * its functions is needed, so a large module defines (and, from the compiler, compiles) only the
 * classes that run.
 */
interface ClassSource {

    /**
     * A class ready to define.
     *
     * @param part its index among the module's classes
     * @param bytes the class file
     * @param callees the functions it calls in other classes (see {@link ClassLinks})
     */
    record Made(int part, byte[] bytes, int[] callees) {
    }

    /**
     * Makes class {@code part}, and the classes split off it if it did not fit in one (they take
     * new indices, recorded in the per-function class index the source shares with its
     * {@link ModuleCode}). Called under the ModuleCode's lock, once per class.
     */
    List<Made> make(int part);

    /** The JVM type of the method of function {@code funcIndex} (for the links to it). */
    MethodType methodType(int funcIndex);
}
