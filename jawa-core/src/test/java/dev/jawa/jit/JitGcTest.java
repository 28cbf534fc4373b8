package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.Tier;
import dev.jawa.Trap;
import dev.jawa.runtime.ArrayRef;
import dev.jawa.runtime.StructRef;
import dev.jawa.runtime.V128;
import dev.jawa.runtime.WasmFunction;
import org.junit.jupiter.api.Test;

/** GC instructions in compiled code, on the runtime's StructRef/ArrayRef/I31Ref objects. */
class JitGcTest {

    private static Instance jit(String wat) {
        return new Engine(Tier.JIT).compileText(wat).instantiate();
    }

    @Test
    void structFieldsOfEveryStorageType() {
        Instance i = jit("""
                (module
                  (type $s (struct (field $a (mut i8)) (field $b (mut i16)) (field $c (mut i32))
                                   (field $d (mut i64)) (field $e (mut f32)) (field $f (mut f64))
                                   (field $g (mut anyref))))
                  (func $make (result (ref $s))
                    (struct.new $s (i32.const 0x1ff) (i32.const -1) (i32.const -5) (i64.const -6)
                      (f32.const -1.5) (f64.const 0.25) (ref.i31 (i32.const 9))))
                  (func (export "get") (result i32 i32 i32 i32 i32 i64 f32 f64 i32)
                    (local $r (ref null $s))
                    (local.set $r (call $make))
                    (struct.get_s $s $a (local.get $r))
                    (struct.get_u $s $a (local.get $r))
                    (struct.get_s $s $b (local.get $r))
                    (struct.get_u $s $b (local.get $r))
                    (struct.get $s $c (local.get $r))
                    (struct.get $s $d (local.get $r))
                    (struct.get $s $e (local.get $r))
                    (struct.get $s $f (local.get $r))
                    (i31.get_s (ref.cast i31ref (struct.get $s $g (local.get $r)))))
                  (func (export "set") (result i32 f64)
                    (local $r (ref null $s))
                    (local.set $r (struct.new_default $s))
                    (struct.set $s $a (local.get $r) (i32.const 0x180))
                    (struct.set $s $f (local.get $r) (f64.const -2))
                    (struct.get_s $s $a (local.get $r))
                    (struct.get $s $f (local.get $r)))
                  (func (export "new") (result (ref $s)) (call $make))
                  (func (export "null") (result i32) (struct.get $s $c (ref.null $s))))
                """);
        assertArrayEquals(new long[] {-1, 0xff, -1, 0xffff, -5, -6, Float.floatToRawIntBits(-1.5f),
                Double.doubleToRawLongBits(0.25), 9}, i.function("get").call());
        assertArrayEquals(new long[] {-128, Double.doubleToRawLongBits(-2)}, i.function("set").call());
        StructRef s = assertInstanceOf(StructRef.class, i.function("new").apply()[0]);
        assertEquals(0xff, s.bits[0], "packed fields are kept truncated, as the interpreter keeps them");
        assertEquals("null structure reference", assertThrows(Trap.class, () -> i.function("null").call()).reason());
        assertTrue(((WasmFunction) i.runtime().export("get")).tierCode instanceof JitFunction);
    }

    @Test
    void arraysAllocateAccessAndCheckBounds() {
        Instance i = jit("""
                (module
                  (type $a (array (mut i16)))
                  (type $r (array (mut anyref)))
                  (func (export "sum") (param i32) (result i32) (local $arr (ref null $a)) (local $k i32) (local $acc i32)
                    (local.set $arr (array.new $a (i32.const 3) (local.get 0)))
                    (array.set $a (local.get $arr) (i32.const 0) (i32.const 0x10001))
                    (array.fill $a (local.get $arr) (i32.const 1) (i32.const -1) (i32.const 4))
                    (block $done (loop $l
                      (br_if $done (i32.ge_u (local.get $k) (array.len (local.get $arr))))
                      (local.set $acc (i32.add (local.get $acc) (array.get_u $a (local.get $arr) (local.get $k))))
                      (local.set $k (i32.add (local.get $k) (i32.const 1)))
                      (br $l)))
                    (local.get $acc))
                  (func (export "fixed") (result i32 i32 i32)
                    (local $arr (ref null $a))
                    (local.set $arr (array.new_fixed $a 3 (i32.const 5) (i32.const -2) (i32.const 7)))
                    (array.get_s $a (local.get $arr) (i32.const 0))
                    (array.get_s $a (local.get $arr) (i32.const 1))
                    (array.get_s $a (local.get $arr) (i32.const 2)))
                  (func (export "copy") (result i32)
                    (local $x (ref null $r)) (local $y (ref null $r))
                    (local.set $x (array.new_fixed $r 2 (ref.i31 (i32.const 11)) (ref.i31 (i32.const 22))))
                    (local.set $y (array.new_default $r (i32.const 3)))
                    (array.copy $r $r (local.get $y) (i32.const 1) (local.get $x) (i32.const 0) (i32.const 2))
                    (i31.get_u (ref.cast i31ref (array.get $r (local.get $y) (i32.const 2)))))
                  (func (export "oob") (param i32) (result i32)
                    (array.get_u $a (array.new_default $a (i32.const 4)) (local.get 0)))
                  (func (export "fillOob") (param i32)
                    (array.fill $a (array.new_default $a (i32.const 4)) (local.get 0) (i32.const 0) (i32.const 2)))
                  (func (export "arr") (result (ref $a)) (array.new_default $a (i32.const 2))))
                """);
        // Element 0 holds 0x10001 truncated to 1; the rest hold 0xffff.
        assertEquals(1 + 0xffff * 4, i.function("sum").call(5)[0]);
        assertArrayEquals(new long[] {5, -2, 7}, i.function("fixed").call());
        assertEquals(22, i.function("copy").call()[0]);
        assertEquals(0, i.function("oob").call(3)[0]);
        assertEquals("out of bounds array access", assertThrows(Trap.class, () -> i.function("oob").call(4)).reason());
        assertEquals("out of bounds array access", assertThrows(Trap.class, () -> i.function("oob").call(-1)).reason());
        assertEquals("out of bounds array access", assertThrows(Trap.class, () -> i.function("fillOob").call(3)).reason());
        assertEquals(2, assertInstanceOf(ArrayRef.class, i.function("arr").apply()[0]).length());
    }

    @Test
    void castsFollowTheSubtypeHierarchy() {
        Instance i = jit("""
                (module
                  (type $base (sub (struct (field i32))))
                  (type $derived (sub $base (struct (field i32) (field i64))))
                  (type $other (struct (field i32)))
                  (func $pick (param i32) (result anyref)
                    (block $b (result anyref)
                      (drop (br_if $b (struct.new $base (i32.const 1)) (i32.eq (local.get 0) (i32.const 0))))
                      (drop (br_if $b (struct.new $derived (i32.const 2) (i64.const 3)) (i32.eq (local.get 0) (i32.const 1))))
                      (drop (br_if $b (struct.new $other (i32.const 3)) (i32.eq (local.get 0) (i32.const 2))))
                      (drop (br_if $b (ref.i31 (i32.const 4)) (i32.eq (local.get 0) (i32.const 3))))
                      (ref.null any)))
                  (func (export "test") (param i32) (result i32 i32 i32 i32 i32)
                    (ref.test (ref $base) (call $pick (local.get 0)))
                    (ref.test (ref $derived) (call $pick (local.get 0)))
                    (ref.test (ref null $base) (call $pick (local.get 0)))
                    (ref.test eqref (call $pick (local.get 0)))
                    (ref.test (ref struct) (call $pick (local.get 0))))
                  (func (export "branch") (param i32) (result i32)
                    (block $notI31 (result anyref)
                      (block $isBase (result (ref $base))
                        (br_on_cast $isBase anyref (ref $base) (call $pick (local.get 0)))
                        (br_on_cast_fail $notI31 anyref (ref i31))
                        (i31.get_u) (i32.const 100) (i32.add) (return))
                      (return (struct.get $base 0)))
                    (drop)
                    (i32.const -1))
                  (func (export "cast") (param i32) (result i32)
                    (struct.get $base 0 (ref.cast (ref $base) (call $pick (local.get 0))))))
                """);
        assertArrayEquals(new long[] {1, 0, 1, 1, 1}, i.function("test").call(0));
        assertArrayEquals(new long[] {1, 1, 1, 1, 1}, i.function("test").call(1));
        assertArrayEquals(new long[] {0, 0, 0, 1, 1}, i.function("test").call(2));
        assertArrayEquals(new long[] {0, 0, 0, 1, 0}, i.function("test").call(3));
        assertArrayEquals(new long[] {0, 0, 1, 1, 0}, i.function("test").call(4));
        assertEquals(1, i.function("branch").call(0)[0]);
        assertEquals(2, i.function("branch").call(1)[0]);
        assertEquals(-1, i.function("branch").call(2)[0]);
        assertEquals(104, i.function("branch").call(3)[0]);
        assertEquals(-1, i.function("branch").call(4)[0]);
        assertEquals(2, i.function("cast").call(1)[0]);
        assertEquals("cast failure", assertThrows(Trap.class, () -> i.function("cast").call(2)).reason());
    }

    @Test
    void v128FieldsAndElementsDefaultToTheZeroVector() {
        Instance i = jit("""
                (module
                  (type $s (struct (field i32) (field v128)))
                  (type $a (array v128))
                  (func (export "field") (result v128) (struct.get $s 1 (struct.new_default $s)))
                  (func (export "element") (result v128) (array.get $a (array.new_default $a (i32.const 2)) (i32.const 1))))
                """);
        assertEquals(V128.ZERO, i.function("field").apply()[0]);
        assertEquals(V128.ZERO, i.function("element").apply()[0]);
    }

    @Test
    void structsCrossTiers() {
        Instance interp = new Engine(Tier.INTERP).compileText("""
                (module
                  (type $p (struct (field (mut i32)) (field f32)))
                  (func (export "make") (param i32) (result (ref $p)) (struct.new $p (local.get 0) (f32.const 0.5)))
                  (func (export "read") (param (ref $p)) (result i32) (struct.get $p 0 (local.get 0))))
                """).instantiate();
        Instance i = new Engine(Tier.JIT).compileText("""
                (module
                  (type $p (struct (field (mut i32)) (field f32)))
                  (import "m" "make" (func $make (param i32) (result (ref $p))))
                  (func (export "bump") (param i32) (result (ref $p) f32) (local $r (ref null $p))
                    (local.set $r (call $make (local.get 0)))
                    (struct.set $p 0 (local.get $r) (i32.add (struct.get $p 0 (local.get $r)) (i32.const 1)))
                    (ref.as_non_null (local.get $r))
                    (struct.get $p 1 (local.get $r))))
                """).instantiate(new Linker().instance("m", interp));
        Object[] r = i.function("bump").apply(41);
        assertEquals(0.5f, r[1]);
        // The interpreter reads the field the compiled code wrote: both use the same object.
        assertEquals(42, interp.function("read").apply(r[0])[0]);
    }
}
