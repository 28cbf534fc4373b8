package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.MalformedTextException;
import dev.jawa.text.TextParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class WastParserTest {

    private static List<WastCommand> parse(String src) {
        return WastParser.parse(src, "test.wast").commands();
    }

    @Test
    void modulesStaySourceRanges() {
        String src = ";; c\n(module $M (func (export \"f\")))\n(module definition $D (memory 1))\n"
                + "(module instance $I $D)\n(module instance $D)\n(module binary \"\\00asm\" \"\\01\\00\\00\\00\")\n"
                + "(module quote \"(func\" \" \\\"\\ff\\\")\")\n(register \"m\" $M)";
        List<WastCommand> cs = parse(src);
        WastCommand.ModuleCmd m = (WastCommand.ModuleCmd) cs.get(0);
        assertEquals("M", m.name());
        assertFalse(m.definition());
        assertEquals(2, m.line());
        ModuleSource.Text t = (ModuleSource.Text) m.source();
        assertEquals("(module $M (func (export \"f\")))", src.substring(t.start(), t.end()));
        assertEquals(1, TextParser.parseModule(t.source(), t.start(), t.end()).exports().size());
        WastCommand.ModuleCmd d = (WastCommand.ModuleCmd) cs.get(1);
        assertTrue(d.definition());
        assertEquals("D", d.name());
        assertEquals(1, TextParser.parseModule(src, ((ModuleSource.Text) d.source()).start(),
                ((ModuleSource.Text) d.source()).end()).memories().size());
        assertEquals(new WastCommand.ModuleInstance(4, "I", "D"), cs.get(2));
        assertEquals(new WastCommand.ModuleInstance(5, null, "D"), cs.get(3));
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0},
                ((ModuleSource.Binary) ((WastCommand.ModuleCmd) cs.get(4)).source()).bytes());
        // Quoted text keeps bytes that are not UTF-8 (as lone surrogates), for the lexer to reject.
        assertEquals("(func \"\uDCFF\")", ((ModuleSource.Quote) ((WastCommand.ModuleCmd) cs.get(5)).source()).text());
        assertEquals(new WastCommand.Register(8, "m", "M"), cs.get(6));
    }

    @Test
    void actionsAndValues() {
        List<WastCommand> cs = parse("""
                (invoke "f" (i32.const -1) (i64.const 0xffffffffffffffff) (f32.const -0.0) (f64.const nan:0x1)
                  (v128.const i16x8 1 2 3 4 5 6 7 -1) (ref.null func) (ref.null $t) (ref.extern 7) (ref.host 1))
                (get $M "g")
                """);
        Action.Invoke inv = (Action.Invoke) ((WastCommand.ActionCmd) cs.get(0)).action();
        assertNull(inv.module());
        assertEquals("f", inv.name());
        assertEquals(List.of(new WastValue.I32(-1), new WastValue.I64(-1), new WastValue.F32(0x8000_0000),
                new WastValue.F64(0x7FF0_0000_0000_0001L), new WastValue.V128(0x0004_0003_0002_0001L, 0xFFFF_0007_0006_0005L),
                new WastValue.RefNull("func"), new WastValue.RefNull("$t"), new WastValue.RefExtern(7),
                new WastValue.RefHost(1)), inv.args());
        assertEquals(new Action.Get(3, "M", "g"), ((WastCommand.ActionCmd) cs.get(1)).action());
    }

    @Test
    void resultPatterns() {
        WastCommand.AssertReturn r = (WastCommand.AssertReturn) parse("""
                (assert_return (invoke "f")
                  (i32.const 1) (f32.const nan:canonical) (f64.const nan:arithmetic) (f64.const 1.5)
                  (v128.const f32x4 1 nan:canonical -0 nan:arithmetic) (v128.const i8x16 -1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)
                  (ref.null) (ref.null extern) (ref.func) (ref.extern) (ref.extern 3) (ref.struct) (ref.array)
                  (ref.i31) (ref.eq) (ref.exn) (ref)
                  (either (i32.const 1) (i32.const 2)))
                """).get(0);
        List<ResultPattern> e = r.expected();
        assertEquals(new ResultPattern.Exact(new WastValue.I32(1)), e.get(0));
        assertEquals(new ResultPattern.NaN(false, true), e.get(1));
        assertEquals(new ResultPattern.NaN(true, false), e.get(2));
        assertEquals(new ResultPattern.Exact(new WastValue.F64(Double.doubleToRawLongBits(1.5))), e.get(3));
        ResultPattern.V128Lanes v = (ResultPattern.V128Lanes) e.get(4);
        assertEquals("f32x4", v.shape());
        assertEquals(0x3F80_0000L, v.lanes()[0]);
        assertEquals(new ResultPattern.NaN(false, true), v.nanLanes()[1]);
        assertEquals(0x8000_0000L, v.lanes()[2]);
        assertNull(v.nanLanes()[2]);
        assertEquals(new ResultPattern.NaN(false, false), v.nanLanes()[3]);
        assertEquals(0xFFL, ((ResultPattern.V128Lanes) e.get(5)).lanes()[0]);
        assertEquals(new ResultPattern.RefKind("null"), e.get(6));
        assertEquals(new ResultPattern.Exact(new WastValue.RefNull("extern")), e.get(7));
        assertEquals(new ResultPattern.RefKind("func"), e.get(8));
        assertEquals(new ResultPattern.RefKind("extern"), e.get(9));
        assertEquals(new ResultPattern.Exact(new WastValue.RefExtern(3)), e.get(10));
        assertEquals(List.of("struct", "array", "i31", "eq", "exn", "any"),
                e.subList(11, 17).stream().map(p -> ((ResultPattern.RefKind) p).kind()).toList());
        assertEquals(new ResultPattern.Either(List.of(new ResultPattern.Exact(new WastValue.I32(1)),
                new ResultPattern.Exact(new WastValue.I32(2)))), e.get(17));
    }

    @Test
    void assertions() {
        List<WastCommand> cs = parse("""
                (assert_trap (invoke "f") "unreachable")
                (assert_trap (module (start 0) (func unreachable)) "unreachable")
                (assert_exhaustion (invoke "f") "call stack exhausted")
                (assert_exception (invoke "f"))
                (assert_malformed (module quote "(func") "unexpected token")
                (assert_invalid (module (func (drop))) "type mismatch")
                (assert_malformed_custom (module quote "(@custom)") "@custom annotation: missing section name")
                (assert_invalid_custom (module) "x")
                (assert_unlinkable (module (import "a" "b" (func))) "unknown import")
                (assert_uninstantiable (module) "y")
                (thread $T (shared (module $M)) (register "r" $M) (invoke $M "f"))
                (wait $T)
                """);
        assertEquals("unreachable", ((WastCommand.AssertTrap) cs.get(0)).message());
        assertTrue(((WastCommand.AssertModuleTrap) cs.get(1)).module() instanceof ModuleSource.Text);
        assertEquals("call stack exhausted", ((WastCommand.AssertExhaustion) cs.get(2)).message());
        assertTrue(cs.get(3) instanceof WastCommand.AssertException);
        assertEquals(new ModuleSource.Quote("(func", 5), ((WastCommand.AssertMalformed) cs.get(4)).module());
        assertEquals("type mismatch", ((WastCommand.AssertInvalid) cs.get(5)).message());
        assertTrue(cs.get(6) instanceof WastCommand.AssertMalformedCustom);
        assertTrue(cs.get(7) instanceof WastCommand.AssertInvalidCustom);
        assertEquals("unknown import", ((WastCommand.AssertUnlinkable) cs.get(8)).message());
        assertTrue(cs.get(9) instanceof WastCommand.AssertUninstantiable);
        WastCommand.Thread th = (WastCommand.Thread) cs.get(10);
        assertEquals("T", th.name());
        assertEquals(List.of("M"), th.sharedModules());
        assertEquals(2, th.commands().size());
        assertEquals(new WastCommand.Wait(12, "T"), cs.get(11));
    }

    @Test
    void aScriptOfModuleFieldsIsOneModule() {
        List<WastCommand> cs = parse("(func) (memory 0) (func (export \"f\"))");
        assertEquals(1, cs.size());
        ModuleSource.Text t = (ModuleSource.Text) ((WastCommand.ModuleCmd) cs.get(0)).source();
        assertEquals(2, TextParser.parseModule(t.source(), t.start(), t.end()).functions().size());
    }

    @Test
    void scriptSyntaxErrors() {
        assertEquals("unexpected token", assertThrows(MalformedTextException.class,
                () -> parse("(assert_return (i32.const 1))")).reason());
        assertEquals("unknown operator bogus", assertThrows(MalformedTextException.class,
                () -> parse("(bogus)")).reason());
        assertEquals("wrong number of lane literals", assertThrows(MalformedTextException.class,
                () -> parse("(assert_return (invoke \"f\") (v128.const i32x4 1 2))")).reason());
        MalformedTextException e = assertThrows(MalformedTextException.class, () -> parse("(module)\n(module"));
        assertEquals(2, e.line());
    }
}
