package dev.jawa.binary;

import dev.jawa.MalformedModuleException;
import dev.jawa.module.CustomSection;
import dev.jawa.module.Export;
import dev.jawa.module.Expr;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Function;
import dev.jawa.module.Global;
import dev.jawa.module.Import;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.Names;
import dev.jawa.module.SectionId;
import dev.jawa.module.Table;
import dev.jawa.types.GlobalType;
import dev.jawa.types.TableType;
import dev.jawa.types.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One decoding of a binary module (spec section "Modules" of the binary format): the preamble,
 * the sections in their required order with custom sections anywhere, and the checks that span
 * sections.
 *
 * <p>Like the spec's reference interpreter, every section's contents are read against the end
 * of the input rather than the section's declared end, and the declared size is checked
 * afterwards ("section size mismatch"); so is each function's. That way a truncated or
 * overlong construct gets the same error the testsuite expects. Nothing is allocated in
 * proportion to a declared count before that count is checked against the bytes left.
 */
final class ModuleDecoding {

    private static final int MAGIC = 0x6D736100; // "\0asm", little-endian
    private static final int VERSION = 1;

    private final byte[] bytes;
    private final InstructionReader in;
    private final ExprScanner exprs;
    private final Module.Builder module = Module.builder();

    private SectionId last;
    private int[] funcTypes = new int[0];
    private int funcCount;
    private final List<LocalGroup[]> codeLocals = new ArrayList<>();
    private final List<Expr> codeBodies = new ArrayList<>();
    private boolean codeUsesData;
    private long dataCount = -1;
    private int dataSegments;
    private final List<CustomSection> customs = new ArrayList<>();

    ModuleDecoding(byte[] bytes) {
        this.bytes = bytes;
        this.in = new InstructionReader(bytes, 0, bytes.length, 0);
        this.exprs = new ExprScanner(bytes, in);
    }

    Module decode() {
        preamble();
        while (in.hasMore()) {
            section();
        }
        int end = bytes.length;
        if (funcCount != codeBodies.size()) {
            throw in.errorAt("function and code section have inconsistent lengths", end);
        }
        if (dataCount >= 0 && dataCount != dataSegments) {
            throw in.errorAt("data count and data section have inconsistent lengths", end);
        }
        if (dataCount < 0 && codeUsesData) {
            throw in.errorAt("data count section required", end);
        }
        addCustomSections();
        for (int i = 0; i < funcCount; i++) {
            module.addFunction(new Function(funcTypes[i], Arrays.asList(codeLocals.get(i)), codeBodies.get(i)));
        }
        return module.build();
    }

    private void preamble() {
        if (bytes.length < 4) {
            throw new MalformedModuleException("unexpected end", bytes.length);
        }
        if (in.fixed32() != MAGIC) {
            throw new MalformedModuleException("magic header not detected", 0);
        }
        if (bytes.length < 8) {
            throw new MalformedModuleException("unexpected end", bytes.length);
        }
        if (in.fixed32() != VERSION) {
            throw new MalformedModuleException("unknown binary version", 4);
        }
    }

    private void section() {
        int idAt = in.position();
        int id = in.u8();
        SectionId sid = null;
        if (id != 0) {
            sid = SectionId.fromId(id);
            if (sid == null) {
                throw in.errorAt("malformed section id", idAt);
            }
            if (last != null && sid.ordinal() <= last.ordinal()) {
                throw in.errorAt("unexpected content after last section", idAt);
            }
        }
        int size = in.vecLength();
        int start = in.position();
        int end = start + size;
        if (sid == null) {
            custom(end);
        } else {
            contents(sid, end);
            last = sid;
        }
        if (in.position() != end) {
            throw in.errorAt("section size mismatch", start);
        }
    }

    private void contents(SectionId sid, int end) {
        switch (sid) {
            case TYPE -> {
                int n = in.vecLength();
                for (int i = 0; i < n; i++) {
                    module.addRecType(TypeDecoding.recType(in));
                }
            }
            case IMPORT -> {
                int n = in.vecLength();
                for (int i = 0; i < n; i++) {
                    module.addImport(importEntry());
                }
            }
            case FUNCTION -> functions(end);
            case TABLE -> {
                int n = in.vecLength();
                for (int i = 0; i < n; i++) {
                    module.addTable(table());
                }
            }
            case MEMORY -> {
                int n = in.vecLength();
                for (int i = 0; i < n; i++) {
                    module.addMemory(TypeDecoding.memoryType(in));
                }
            }
            case TAG -> {
                int n = in.vecLength();
                for (int i = 0; i < n; i++) {
                    module.addTag(TypeDecoding.tagType(in));
                }
            }
            case GLOBAL -> {
                int n = in.vecLength();
                for (int i = 0; i < n; i++) {
                    GlobalType t = TypeDecoding.globalType(in);
                    module.addGlobal(new Global(t, exprs.read()));
                }
            }
            case EXPORT -> {
                int n = in.vecLength();
                for (int i = 0; i < n; i++) {
                    module.addExport(export());
                }
            }
            case START -> module.start(SegmentDecoding.index(in));
            case ELEMENT -> {
                int n = in.vecLength();
                for (int i = 0; i < n; i++) {
                    module.addElement(SegmentDecoding.element(in, exprs));
                }
            }
            case DATA_COUNT -> {
                dataCount = in.u32() & 0xFFFF_FFFFL;
                module.hasDataCount(true);
            }
            case CODE -> code(end);
            case DATA -> {
                int n = in.vecLength();
                for (int i = 0; i < n; i++) {
                    module.addData(SegmentDecoding.data(in, exprs));
                    dataSegments++;
                }
            }
        }
    }

    private Import importEntry() {
        String moduleName = in.name();
        String name = in.name();
        int at = in.position();
        int kind = in.u8();
        ImportDesc desc = switch (kind) {
            case 0 -> new ImportDesc.Func(SegmentDecoding.index(in));
            case 1 -> new ImportDesc.Table(TypeDecoding.tableType(in));
            case 2 -> new ImportDesc.Memory(TypeDecoding.memoryType(in));
            case 3 -> new ImportDesc.Global(TypeDecoding.globalType(in));
            case 4 -> new ImportDesc.Tag(TypeDecoding.tagType(in));
            default -> throw in.errorAt("malformed import kind", at);
        };
        return new Import(moduleName, name, desc);
    }

    private void functions(int end) {
        int n = in.vecLength();
        int[] types = new int[Math.min(n, Math.max(0, end - in.position()))];
        for (int i = 0; i < n; i++) {
            if (i == types.length) {
                types = Arrays.copyOf(types, Math.max(16, types.length * 2));
            }
            types[i] = SegmentDecoding.index(in);
        }
        funcTypes = types;
        funcCount = n;
    }

    /**
     * A table: a table type alone (every element starts null), or {@code 0x40 0x00}, a table
     * type and an initializer expression. Like the reference interpreter, which tries the long
     * form first and falls back to the short one, any failure inside the long form is reported
     * as the short form's failure on the byte 0x40: "malformed reference type".
     */
    private Table table() {
        int at = in.position();
        if (in.peek() != 0x40) {
            return new Table(TypeDecoding.tableType(in), null);
        }
        try {
            in.u8();
            TypeDecoding.zeroByte(in);
            TableType type = TypeDecoding.tableType(in);
            return new Table(type, exprs.read());
        } catch (MalformedModuleException e) {
            throw in.errorAt("malformed reference type", at);
        }
    }

    private Export export() {
        String name = in.name();
        int at = in.position();
        ExternKind kind = ExternKind.fromCode(in.u8());
        if (kind == null) {
            throw in.errorAt("malformed export kind", at);
        }
        return new Export(name, kind, SegmentDecoding.index(in));
    }

    /** Below this much code, decoding bodies in parallel costs more than it saves. */
    private static final int PARALLEL_MIN_CODE_BYTES = 1 << 20;

    private void code(int sectionEnd) {
        exprs.resetDataUse();
        int n = in.vecLength();
        if (n >= 2 && sectionEnd - in.position() >= PARALLEL_MIN_CODE_BYTES
                && Runtime.getRuntime().availableProcessors() > 1) {
            codeInParallel(n);
            return;
        }
        LocalGroup[][] locals = new LocalGroup[1][];
        for (int i = 0; i < n; i++) {
            int size = in.vecLength();
            codeBodies.add(body(in, exprs, in.position(), size, locals, 0));
            codeLocals.add(locals[0]);
        }
        codeUsesData = exprs.usesDataIndex();
    }

    /**
     * Decodes the function bodies of a large code section in parallel: their size prefixes are
     * read first, then contiguous chunks of bodies are decoded, each with its own reader, exactly
     * as the sequential loop reads them (from the same start, against the same limit). The error
     * reported is that of the lowest-numbered body, which is the one a sequential pass reports.
     */
    private void codeInParallel(int n) {
        int[] starts = new int[n];
        int[] sizes = new int[n];
        int walked = n;
        MalformedModuleException walkError = null;
        for (int i = 0; i < n; i++) {
            try {
                sizes[i] = in.vecLength();
                starts[i] = in.position();
                in.skip(sizes[i]);
            } catch (MalformedModuleException e) {
                walked = i; // bodies before this one are decoded first: their errors come first
                walkError = e;
                break;
            }
        }
        int workers = Runtime.getRuntime().availableProcessors();
        int chunks = Math.max(1, Math.min(walked, workers * 4));
        int limit = in.limit();
        LocalGroup[][] locals = new LocalGroup[walked][];
        Expr[] bodies = new Expr[walked];
        MalformedModuleException[] errors = new MalformedModuleException[chunks];
        boolean[] usesData = new boolean[chunks];
        int count = walked;
        IntStream.range(0, chunks).parallel().forEach(k -> {
            int from = (int) ((long) count * k / chunks);
            int to = (int) ((long) count * (k + 1) / chunks);
            InstructionReader r = new InstructionReader(bytes, 0, limit, 0);
            ExprScanner scanner = new ExprScanner(bytes, r);
            for (int i = from; i < to; i++) {
                try {
                    bodies[i] = body(r, scanner, starts[i], sizes[i], locals, i);
                } catch (MalformedModuleException e) {
                    errors[k] = e;
                    return;
                }
            }
            usesData[k] = scanner.usesDataIndex();
        });
        for (MalformedModuleException e : errors) {
            if (e != null) {
                throw e;
            }
        }
        if (walkError != null) {
            throw walkError;
        }
        for (int i = 0; i < n; i++) {
            codeLocals.add(locals[i]);
            codeBodies.add(bodies[i]);
        }
        for (boolean u : usesData) {
            codeUsesData |= u;
        }
    }

    /**
     * Reads the function body of {@code size} bytes at {@code start}: its locals (stored in
     * {@code locals[slot]}) and its code, which must end exactly at the declared size.
     */
    private static Expr body(InstructionReader r, ExprScanner scanner, int start, int size,
            LocalGroup[][] locals, int slot) {
        r.position(start);
        locals[slot] = locals(r);
        Expr code = scanner.read();
        if (r.position() != start + size) {
            throw r.errorAt("section size mismatch", start);
        }
        return code;
    }

    private static LocalGroup[] locals(ByteReader in) {
        int at = in.position();
        int n = in.vecLength();
        LocalGroup[] groups = new LocalGroup[Math.min(n, 64)];
        long total = 0;
        for (int i = 0; i < n; i++) {
            long count = in.u32() & 0xFFFF_FFFFL;
            ValType type = in.readValType();
            total += count;
            if (i == groups.length) {
                groups = Arrays.copyOf(groups, groups.length * 2);
            }
            groups[i] = new LocalGroup(count, type);
        }
        if (total >= 0x1_0000_0000L) {
            throw in.errorAt("too many locals", at);
        }
        return groups.length == n ? groups : Arrays.copyOf(groups, n);
    }

    /** A custom section: its name, then uninterpreted bytes up to the section's end. */
    private void custom(int end) {
        String name = in.name();
        int start = in.position();
        // The name may overrun the section, and the section (whose size, like every length, is
        // only bounded by the bytes left counting from its own first byte) the input.
        if (start > end || end > bytes.length) {
            throw in.errorAt("unexpected end of section or function", bytes.length);
        }
        in.position(end);
        customs.add(new CustomSection(name, Arrays.copyOfRange(bytes, start, end), last));
    }

    /**
     * Adds the custom sections to the module. A {@code name} section becomes the module's
     * {@link Names} if it is the only custom section of that name and decodes to some names;
     * otherwise every custom section is kept as it is, with its placement, so that encoding
     * reproduces it and decoding that gives the same module.
     */
    private void addCustomSections() {
        CustomSection nameSection = null;
        for (CustomSection c : customs) {
            if (c.name().equals("name")) {
                if (nameSection != null) {
                    nameSection = null; // two of them: keep both as they are
                    break;
                }
                nameSection = c;
            }
        }
        if (nameSection != null) {
            byte[] content = nameSection.content();
            Names names = NameSectionDecoding.decode(content, 0, content.length);
            if (names != null && !names.isEmpty()) {
                module.names(names);
            } else {
                nameSection = null;
            }
        }
        for (CustomSection c : customs) {
            if (c != nameSection) {
                module.addCustomSection(c);
            }
        }
    }
}
