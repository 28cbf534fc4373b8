package dev.jawa.module;

import dev.jawa.types.GlobalType;
import dev.jawa.types.MemoryType;
import dev.jawa.types.TableType;
import dev.jawa.types.TagType;

/** What an import brings in, with its type. */
public sealed interface ImportDesc {

    /** The kind of the imported thing. */
    ExternKind kind();

    /** An imported function of type {@code typeIndex}. */
    record Func(int typeIndex) implements ImportDesc {
        @Override
        public ExternKind kind() {
            return ExternKind.FUNC;
        }
    }

    /** An imported table. */
    record Table(TableType type) implements ImportDesc {
        @Override
        public ExternKind kind() {
            return ExternKind.TABLE;
        }
    }

    /** An imported memory. */
    record Memory(MemoryType type) implements ImportDesc {
        @Override
        public ExternKind kind() {
            return ExternKind.MEMORY;
        }
    }

    /** An imported global. */
    record Global(GlobalType type) implements ImportDesc {
        @Override
        public ExternKind kind() {
            return ExternKind.GLOBAL;
        }
    }

    /** An imported exception tag. */
    record Tag(TagType type) implements ImportDesc {
        @Override
        public ExternKind kind() {
            return ExternKind.TAG;
        }
    }
}
