package dev.jawa.bench.embed;

import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.bench.JawaTiers;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import java.util.List;

/** Instantiates {@link EmbeddingModule} on Jawa, with the host's {@code inc}. */
final class JawaSetup {

    private JawaSetup() {}

    /**
     * @param tier the Jawa tier (see {@link JawaTiers})
     * @return a fresh instance
     */
    static Instance instantiate(String tier) {
        FuncType i32ToI32 = new FuncType(List.of(NumType.I32), List.of(NumType.I32));
        // Raw-value host function: the i32 argument arrives sign-extended in values[0], the result goes there.
        Linker linker = new Linker().function("env", "inc", i32ToI32, (values, refs) -> values[0] = (int) values[0] + 1);
        return JawaTiers.engine(tier).compile(EmbeddingModule.bytes()).instantiate(linker);
    }
}
