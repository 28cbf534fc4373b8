package dev.jawa.text;

import dev.jawa.MalformedTextException;
import dev.jawa.binary.ByteWriter;
import dev.jawa.module.CustomSection;
import dev.jawa.module.SectionId;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The annotations a module parser interprets, looked up by where they stand (their anchor
 * token), with the three meanings Jawa gives them:
 *
 * <ul>
 *   <li>{@code (@custom "name" (before|after section)? "bytes"*)} at module-field level becomes a
 *       {@link CustomSection}. Its placement maps to {@link CustomSection#after()}: {@code (after
 *       S)} is after S, {@code (before S)} is after the section that precedes S in the binary
 *       order, {@code (before first)} is null (before every section), and {@code (after last)},
 *       the default, is after the data section.
 *   <li>{@code (@name "...")} right after {@code module}, {@code func}, {@code tag}, ... (or after
 *       their identifier) sets the debug name.
 *   <li>{@code (@metadata.code.branch_hint "\xx")} right before an instruction in a function
 *       body adds a hint to the {@code metadata.code.branch_hint} section.
 * </ul>
 *
 * An interpreted annotation anywhere else is "misplaced".
 */
final class ModuleAnnotations {

    static final String BRANCH_HINT = "metadata.code.branch_hint";

    private final TokenCursor c;
    private final List<Annotation> all;
    private final boolean[] used;
    private final Map<Integer, List<Integer>> byAnchor = new HashMap<>();
    private final Map<Integer, Annotation> hints = new HashMap<>();
    private final TreeMap<Integer, byte[]> hintsByFunction = new TreeMap<>();

    ModuleAnnotations(TokenCursor c) {
        this.c = c;
        this.all = c.tokens().annotations();
        this.used = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Annotation a = all.get(i);
            if (a.name().equals(BRANCH_HINT)) {
                if (hints.put(a.anchor(), a) != null) {
                    throw c.errorAtOffset(a.offset(), "@metadata.code.branch_hint annotation: duplicate annotation");
                }
                used[i] = true;
            } else {
                byAnchor.computeIfAbsent(a.anchor(), k -> new ArrayList<>()).add(i);
            }
        }
    }

    /** Whether the text has no interpreted annotations at all (the common case). */
    boolean isEmpty() {
        return all.isEmpty();
    }

    /** Branch hints by anchor token; the code parser removes those it uses. */
    Map<Integer, Annotation> hintAnchors() {
        return hints;
    }

    /** Takes the unused annotations called {@code name} anchored at token {@code anchor}. */
    List<Annotation> take(int anchor, String name) {
        List<Integer> list = byAnchor.get(anchor);
        if (list == null) {
            return List.of();
        }
        List<Annotation> result = new ArrayList<>(1);
        for (int i : list) {
            if (!used[i] && all.get(i).name().equals(name)) {
                used[i] = true;
                result.add(all.get(i));
            }
        }
        return result;
    }

    /**
     * The name an {@code @name} annotation at either anchor gives (null if none); several are
     * "multiple {what}".
     */
    String name(int anchor1, int anchor2, String what) {
        List<Annotation> found = new ArrayList<>(take(anchor1, "name"));
        if (anchor2 != anchor1) {
            found.addAll(take(anchor2, "name"));
        }
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            throw c.errorAtOffset(found.get(1).offset(), "@name annotation: multiple " + what);
        }
        Annotation a = found.get(0);
        TokenStream side = c.tokens().annotationTokens();
        if (a.end() - a.first() != 1 || side.kind(a.first()) != TokenKind.STRING) {
            throw c.errorAtOffset(a.offset(), "@name annotation: unexpected token");
        }
        String s = Utf8.decodeStrict(StringLiteral.decode(side.source(), side.start(a.first()), side.end(a.first())));
        if (s == null) {
            throw c.errorAtOffset(a.offset(), "@name annotation: malformed UTF-8 encoding");
        }
        return s;
    }

    /** The custom sections of {@code @custom} annotations anchored at token {@code anchor}. */
    List<CustomSection> customSections(int anchor) {
        List<Annotation> found = take(anchor, "custom");
        if (found.isEmpty()) {
            return List.of();
        }
        List<CustomSection> result = new ArrayList<>(found.size());
        for (Annotation a : found) {
            result.add(custom(a));
        }
        return result;
    }

    private CustomSection custom(Annotation a) {
        TokenStream t = c.tokens().annotationTokens();
        int i = a.first();
        int end = a.end();
        if (i >= end || t.kind(i) != TokenKind.STRING) {
            throw fail(a, "@custom annotation: missing section name");
        }
        String name = Utf8.decodeStrict(StringLiteral.decode(t.source(), t.start(i), t.end(i)));
        if (name == null) {
            throw fail(a, "@custom annotation: malformed UTF-8 encoding");
        }
        i++;
        SectionId after = SectionId.DATA;
        if (i < end && t.kind(i) == TokenKind.LPAREN) {
            String where = i + 1 < end ? t.text(i + 1) : "";
            if (!where.equals("before") && !where.equals("after")) {
                throw fail(a, "@custom annotation: malformed placement");
            }
            String sec = i + 2 < end ? t.text(i + 2) : "";
            after = placement(a, where.equals("before"), sec);
            if (i + 3 >= end || t.kind(i + 3) != TokenKind.RPAREN) {
                throw fail(a, "@custom annotation: unexpected token");
            }
            i += 4;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (; i < end; i++) {
            if (t.kind(i) != TokenKind.STRING) {
                throw fail(a, "@custom annotation: unexpected token");
            }
            bytes.writeBytes(StringLiteral.decode(t.source(), t.start(i), t.end(i)));
        }
        return new CustomSection(name, bytes.toByteArray(), after);
    }

    private SectionId placement(Annotation a, boolean before, String sec) {
        if (sec.equals("first") && before) {
            return null;
        }
        if (sec.equals("last") && !before) {
            return SectionId.DATA;
        }
        for (SectionId s : SectionId.values()) {
            if (s.text().equals(sec)) {
                if (!before) {
                    return s;
                }
                return s.ordinal() == 0 ? null : SectionId.values()[s.ordinal() - 1];
            }
        }
        throw fail(a, "@custom annotation: malformed section kind");
    }

    private MalformedTextException fail(Annotation a, String message) {
        return c.errorAtOffset(a.offset(), message);
    }

    /**
     * Records the branch hints of function {@code funcIndex}: {@code offsets} are relative to
     * the start of its body (the locals included).
     */
    void addFunctionHints(int funcIndex, int count, int[] offsets, int[] values) {
        ByteWriter w = new ByteWriter();
        w.u32(count);
        for (int i = 0; i < count; i++) {
            w.u32(offsets[i]);
            w.u32(1);
            w.u8(values[i]);
        }
        hintsByFunction.put(funcIndex, w.toByteArray());
    }

    /** The branch hint section, or null if there are no hints. */
    CustomSection branchHintSection() {
        if (hintsByFunction.isEmpty()) {
            return null;
        }
        ByteWriter w = new ByteWriter();
        w.u32(hintsByFunction.size());
        for (Map.Entry<Integer, byte[]> e : hintsByFunction.entrySet()) {
            w.u32(e.getKey());
            w.bytes(e.getValue());
        }
        // The section must come before the code section.
        return new CustomSection(BRANCH_HINT, w.toByteArray(), SectionId.DATA_COUNT);
    }

    /** Fails on the first interpreted annotation no part of the module used. */
    void checkAllUsed() {
        for (Annotation a : hints.values()) {
            throw fail(a, "@metadata.code.branch_hint annotation: not in a function");
        }
        for (int i = 0; i < all.size(); i++) {
            if (!used[i]) {
                throw fail(all.get(i), "misplaced @" + all.get(i).name() + " annotation");
            }
        }
    }
}
