package dev.jawa.text.wast;

import dev.jawa.MalformedModuleException;
import dev.jawa.MalformedTextException;
import dev.jawa.module.CustomSection;
import dev.jawa.module.Module;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A stand-in for the real formats, to test the runner alone. A "module" is a custom section
 * holding the module's text or bytes, so round trips work; markers in the input make stages fail:
 * text containing {@code BAD} is malformed ("unexpected token"), {@code CRASH} throws an
 * IllegalStateException, binary starting with 0xFF is malformed ("unexpected end"). The printer
 * can be made lossy through {@code printFilter}.
 */
final class FormatsFakeCodec implements FormatsCodec {

    private final UnaryOperator<String> printFilter;

    FormatsFakeCodec() {
        this(UnaryOperator.identity());
    }

    FormatsFakeCodec(UnaryOperator<String> printFilter) {
        this.printFilter = printFilter;
    }

    @Override
    public Module parseText(String source, int start, int end) {
        String text = source.substring(start, end);
        if (text.contains("BAD")) {
            throw new MalformedTextException("unexpected token", 1, text.indexOf("BAD") + 1);
        }
        if (text.contains("CRASH")) {
            throw new IllegalStateException("boom");
        }
        return holding(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Module decode(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == (byte) 0xFF) {
            throw new MalformedModuleException("unexpected end", 0);
        }
        return holding(bytes);
    }

    @Override
    public byte[] encode(Module module) {
        return module.customSections().getFirst().content();
    }

    @Override
    public String print(Module module) {
        return printFilter.apply(new String(encode(module), StandardCharsets.UTF_8));
    }

    private static Module holding(byte[] content) {
        return Module.builder().addCustomSection(new CustomSection("fake", content, null)).build();
    }
}
