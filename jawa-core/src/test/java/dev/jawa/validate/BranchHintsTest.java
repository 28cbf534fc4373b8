package dev.jawa.validate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jawa.InvalidModuleException;
import dev.jawa.binary.ByteWriter;
import dev.jawa.module.CustomSection;
import dev.jawa.module.Module;
import dev.jawa.module.SectionId;
import dev.jawa.text.TextParser;
import org.junit.jupiter.api.Test;

/** The branch hint section's check, on hints the text parser writes and on hand-made sections. */
class BranchHintsTest {

    /** Function 1 (after an import): locals, then flat and folded hinted branches. */
    private static final String HINTED = """
            (module
              (import "m" "f" (func))
              (func (param i32) (result i32) (local i32 i64) (local f32)
                (block
                  local.get 0
                  (@metadata.code.branch_hint "\\01") br_if 0)
                (@metadata.code.branch_hint "\\00")
                (if (result i32) (local.get 0)
                  (then (i32.const 1))
                  (else (i32.const 2)))))
            """;

    private static String reason(Module m) {
        return assertThrows(InvalidModuleException.class, () -> BranchHints.check(m)).reason();
    }

    /** {@link #HINTED}'s module without hints, and this section in their place. */
    private static Module withSection(byte[] content) {
        Module plain = TextParser.parseModule(HINTED.replaceAll("\\(@metadata[^)]*\\)", ""));
        return plain.toBuilder().addCustomSection(new CustomSection(BranchHints.SECTION, content, SectionId.DATA_COUNT))
                .build();
    }

    @Test
    void hintsOnIfAndBrIfFit() {
        Module m = TextParser.parseModule(HINTED);
        assertEquals(1, m.customSections().size());
        assertDoesNotThrow(() -> BranchHints.check(m));
        assertDoesNotThrow(() -> Validator.validate(m));
    }

    @Test
    void aHintOnAnotherInstructionHasAnInvalidTarget() {
        Module m = TextParser.parseModule("""
                (module (func (param i32) (result i32) (local i32)
                  local.get 0
                  (@metadata.code.branch_hint "\\01") i32.eqz))
                """);
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> BranchHints.check(m));
        assertEquals("@metadata.code.branch_hint annotation: invalid target", e.reason());
        assertEquals(0, e.functionIndex());
        assertEquals(2, e.offset()); // after local.get 0
        assertDoesNotThrow(() -> Validator.validate(m), "the module itself is valid");
    }

    @Test
    void handMadeSections() {
        // The local declarations are three runs (i32, i64, f32): 1 + 3 * 2 = 7 bytes; then block
        // (2 bytes) and local.get 0 (2 bytes), so br_if is at body offset 7 + 4 = 11.
        assertDoesNotThrow(() -> BranchHints.check(withSection(section(1, 11, 1, 1))));
        assertEquals("@metadata.code.branch_hint annotation: invalid target", reason(withSection(section(1, 10, 1, 1))));
        assertEquals("@metadata.code.branch_hint annotation: invalid target", reason(withSection(section(1, 3, 1, 1))));
        assertEquals("@metadata.code.branch_hint annotation: invalid target",
                reason(withSection(section(1, 1000, 1, 1))));
        assertEquals("@metadata.code.branch_hint annotation: unknown function 0",
                reason(withSection(section(0, 11, 1, 1))));
        assertEquals("@metadata.code.branch_hint annotation: unknown function 2",
                reason(withSection(section(2, 11, 1, 1))));
        assertEquals("@metadata.code.branch_hint annotation: malformed hint", reason(withSection(section(1, 11, 2, 1))));
        assertEquals("@metadata.code.branch_hint annotation: malformed hint", reason(withSection(section(1, 11, 1, 2))));

        ByteWriter twice = new ByteWriter().u32(1).u32(1).u32(2).u32(11).u32(1).u8(1).u32(11).u32(1).u8(0);
        assertEquals("@metadata.code.branch_hint annotation: hints out of order",
                reason(withSection(twice.toByteArray())));
        ByteWriter functionsTwice = new ByteWriter().u32(2).u32(1).u32(0).u32(1).u32(0);
        assertEquals("@metadata.code.branch_hint annotation: functions out of order",
                reason(withSection(functionsTwice.toByteArray())));
        assertEquals("@metadata.code.branch_hint annotation: malformed section: unexpected end of section or"
                + " function (at byte offset 3)", reason(withSection(new byte[] {1, 1, 1})));
        assertEquals("@metadata.code.branch_hint annotation: unexpected content after the last function",
                reason(withSection(new byte[] {0, 0})));
    }

    /** A section with one hint for function {@code func}. */
    private static byte[] section(int func, int offset, int size, int value) {
        return new ByteWriter().u32(1).u32(func).u32(1).u32(offset).u32(size).u8(value).toByteArray();
    }
}
