package dev.jawa.jit;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;

/**
 * How compiled code is written: class files of version 49 (Java 5) without stack maps.
 *
 * <p>Why: generating the StackMapTable is the classfile API's most expensive step (a data-flow
 * analysis of every method, cold code on the first compilation of a process), and a class file
 * before version 50 needs none: HotSpot verifies it with the type-inferencing verifier instead,
 * which is as strict. The generated code uses nothing newer than Java 5 (no invokedynamic, no
 * dynamic constants, no method handle constants).
 */
final class JitClassFile {

    /** The major version written (Java 5: the last one verified by type inference). */
    static final int VERSION = ClassFile.JAVA_5_VERSION;

    /** The classfile context for compiled code. */
    static final ClassFile CONTEXT = ClassFile.of(
            ClassFile.StackMapsOption.DROP_STACK_MAPS,
            ClassFile.DeadCodeOption.KEEP_DEAD_CODE);

    private JitClassFile() {
    }

    /** Starts a class of compiled code: its version. */
    static void header(ClassBuilder clb) {
        clb.withVersion(VERSION, 0);
    }
}
