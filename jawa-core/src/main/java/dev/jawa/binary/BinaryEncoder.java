package dev.jawa.binary;

import dev.jawa.module.CustomSection;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Export;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.Global;
import dev.jawa.module.Import;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.SectionId;
import dev.jawa.module.Table;
import dev.jawa.types.MemoryType;
import dev.jawa.types.RecType;
import dev.jawa.types.TagType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes a {@link Module} in the binary format, canonically: minimal LEB128 everywhere, the
 * short forms of types, and the known sections in the spec's order, each only if it has
 * contents. The choices (which agree with {@code wat2wasm}'s output wherever wabt 1.0.32 knows
 * the feature, except that wabt also writes {@code funcref} segments of {@code ref.func}
 * elements in the function-index forms, whose type is {@code (ref func)} in WebAssembly 3.0):
 * <ul>
 *   <li>custom sections are written right after the known section they followed when decoded
 *       (at the start for those that came first), in their original order; a section without
 *       contents is then written empty, so that they decode with the same placement (except
 *       the start and data count sections, which cannot be empty: custom sections placed
 *       after an absent one decode as placed after the section before it);</li>
 *   <li>the {@code name} section, written only if {@link Module#names()} is not empty, comes
 *       right after the data section's place, before the custom sections placed after data;
 *       its subsections in id order, only those with names (wabt also writes an empty local
 *       names subsection);</li>
 *   <li>element segments take the most compact form: function indices (flags 0 to 3) when the
 *       type is {@code (ref func)} and every element is {@code ref.func x; end}, else
 *       expressions (4 to 7); the implicit-table-0 forms (0 and 4) only for segments active on
 *       table 0 whose type is the form's implicit one ({@code (ref func)} resp.
 *       {@code funcref});</li>
 *   <li>data segments active on memory 0 use flags 0, on another memory 2, passive ones 1;</li>
 *   <li>the data count section is written if and only if {@link Module#hasDataCount()};</li>
 *   <li>tables with an initializer use the {@code 0x40 0x00} form.</li>
 * </ul>
 * So {@code decode(encode(m))} equals {@code m} (for every module the decoder makes; a built
 * module may differ in the placement caveat above, or if it holds both names and a custom
 * section called {@code name}), and {@code encode(decode(b))} is {@code b} for every canonical
 * {@code b}.
 */
public final class BinaryEncoder {

    private final Module module;
    private final ByteWriter out;
    private final ByteWriter section = new ByteWriter(1024);
    private final ByteWriter scratch = new ByteWriter();

    private BinaryEncoder(Module module) {
        this.module = module;
        long code = 0;
        for (Function f : module.functions()) {
            code += f.body().length() + 8;
        }
        this.out = new ByteWriter((int) Math.min(Integer.MAX_VALUE - 64, code + 1024));
    }

    /** The module's canonical binary encoding (with a name section if it has names). */
    public static byte[] encode(Module module) {
        return new BinaryEncoder(module).write();
    }

    private byte[] write() {
        out.fixed32(0x6D736100);
        out.fixed32(1);
        customSections(null);
        for (SectionId id : SectionId.values()) {
            boolean present = contents(id);
            // An empty section is kept where custom sections are placed after it, so that they
            // decode with the same placement (not possible for start and data count).
            boolean anchor = id != SectionId.START && id != SectionId.DATA_COUNT && hasCustomAfter(id);
            if (present || anchor) {
                out.u8(id.id());
                out.u32(section.size());
                out.bytes(section);
            }
            section.reset();
            if (id == SectionId.DATA && !module.names().isEmpty()) {
                custom("name", NameSectionEncoding.encode(module.names()));
            }
            customSections(id);
        }
        return out.toByteArray();
    }

    private boolean hasCustomAfter(SectionId id) {
        for (CustomSection c : module.customSections()) {
            if (c.after() == id) {
                return true;
            }
        }
        return false;
    }

    private void customSections(SectionId after) {
        for (CustomSection c : module.customSections()) {
            if (c.after() == after) {
                custom(c.name(), c.content());
            }
        }
    }

    private void custom(String name, byte[] content) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        int nameLength = utf8.length;
        int lengthBytes = 1;
        for (int v = nameLength >>> 7; v != 0; v >>>= 7) {
            lengthBytes++;
        }
        out.u8(0);
        out.u32(lengthBytes + nameLength + content.length);
        out.u32(nameLength);
        out.bytes(utf8);
        out.bytes(content);
    }

    /** Writes the contents of section {@code id} into {@link #section}; false if it has none. */
    private boolean contents(SectionId id) {
        ByteWriter s = section;
        switch (id) {
            case TYPE -> {
                List<RecType> types = module.recTypes();
                s.u32(types.size());
                for (RecType r : types) {
                    TypeEncoding.recType(s, r);
                }
                return !types.isEmpty();
            }
            case IMPORT -> {
                s.u32(module.imports().size());
                for (Import i : module.imports()) {
                    importEntry(i);
                }
                return !module.imports().isEmpty();
            }
            case FUNCTION -> {
                s.u32(module.functions().size());
                for (Function f : module.functions()) {
                    s.u32(f.typeIndex());
                }
                return !module.functions().isEmpty();
            }
            case TABLE -> {
                s.u32(module.tables().size());
                for (Table t : module.tables()) {
                    if (t.init() != null) {
                        s.u8(0x40);
                        s.u8(0x00);
                        TypeEncoding.tableType(s, t.type());
                        expr(s, t.init());
                    } else {
                        TypeEncoding.tableType(s, t.type());
                    }
                }
                return !module.tables().isEmpty();
            }
            case MEMORY -> {
                s.u32(module.memories().size());
                for (MemoryType m : module.memories()) {
                    TypeEncoding.memoryType(s, m);
                }
                return !module.memories().isEmpty();
            }
            case TAG -> {
                s.u32(module.tags().size());
                for (TagType t : module.tags()) {
                    TypeEncoding.tagType(s, t);
                }
                return !module.tags().isEmpty();
            }
            case GLOBAL -> {
                s.u32(module.globals().size());
                for (Global g : module.globals()) {
                    TypeEncoding.globalType(s, g.type());
                    expr(s, g.init());
                }
                return !module.globals().isEmpty();
            }
            case EXPORT -> {
                s.u32(module.exports().size());
                for (Export e : module.exports()) {
                    s.name(e.name());
                    s.u8(e.kind().code());
                    s.u32(e.index());
                }
                return !module.exports().isEmpty();
            }
            case START -> {
                if (module.start().isPresent()) {
                    s.u32(module.start().getAsInt());
                    return true;
                }
                return false;
            }
            case ELEMENT -> {
                s.u32(module.elements().size());
                for (ElementSegment e : module.elements()) {
                    SegmentEncoding.element(section, e);
                }
                return !module.elements().isEmpty();
            }
            case DATA_COUNT -> {
                s.u32(module.datas().size());
                return module.hasDataCount();
            }
            case CODE -> {
                s.u32(module.functions().size());
                for (Function f : module.functions()) {
                    code(f);
                }
                return !module.functions().isEmpty();
            }
            case DATA -> {
                s.u32(module.datas().size());
                for (DataSegment d : module.datas()) {
                    SegmentEncoding.data(section, d);
                }
                return !module.datas().isEmpty();
            }
        }
        throw new AssertionError(id);
    }

    private void importEntry(Import i) {
        ByteWriter s = section;
        s.name(i.module());
        s.name(i.name());
        s.u8(i.desc().kind().code());
        switch (i.desc()) {
            case ImportDesc.Func f -> s.u32(f.typeIndex());
            case ImportDesc.Table t -> TypeEncoding.tableType(s, t.type());
            case ImportDesc.Memory m -> TypeEncoding.memoryType(s, m.type());
            case ImportDesc.Global g -> TypeEncoding.globalType(s, g.type());
            case ImportDesc.Tag t -> TypeEncoding.tagType(s, t.type());
        }
    }

    private void code(Function f) {
        ByteWriter locals = scratch;
        locals.reset();
        locals.u32(f.locals().size());
        for (LocalGroup g : f.locals()) {
            locals.u64(g.count());
            locals.valType(g.type());
        }
        section.u32(locals.size() + f.body().length());
        section.bytes(locals);
        expr(section, f.body());
    }

    /** An expression: its code bytes as they are (they are canonical and end with end). */
    static void expr(ByteWriter s, Expr x) {
        s.bytes(x.toByteArray());
    }
}
