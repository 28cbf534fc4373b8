package dev.jawa.bench.embed;

import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.bench.JawaTiers;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Instantiates {@link EmbeddingModule} on Jawa, with the host's {@code inc}. */
final class JawaSetup {

    private JawaSetup() {}

    /**
     * @param tier the Jawa tier (see {@link JawaTiers})
     * @return a fresh instance whose {@code inc} is a raw-value host function
     */
    static Instance instantiate(String tier) {
        FuncType i32ToI32 = new FuncType(List.of(NumType.I32), List.of(NumType.I32));
        // Raw-value host function: the i32 argument arrives sign-extended in values[0], the result goes there.
        Linker linker = new Linker().function("env", "inc", i32ToI32, (values, refs) -> values[0] = (int) values[0] + 1);
        return JawaTiers.engine(tier).compile(EmbeddingModule.bytes()).instantiate(linker);
    }

    /**
     * @param tier the Jawa tier (see {@link JawaTiers})
     * @return a fresh instance whose {@code inc} is a typed host function (an IntUnaryOperator)
     */
    static Instance instantiateTyped(String tier) {
        Linker linker = new Linker().function("env", "inc", IntUnaryOperator.class, x -> x + 1);
        return JawaTiers.engine(tier).compile(EmbeddingModule.bytes()).instantiate(linker);
    }
}
