package dev.jawa.jit;

/**
 * Generates a module whose function {@code run(n)} is one huge loop body: {@code groups} groups of
 * arithmetic on locals, memory stores and loads, and now and then a small inner loop and an if.
 * Its result depends on every group, so a wrong split shows.
 */
final class HugeFunction {

    private HugeFunction() {
    }

    static String wat(int groups) {
        StringBuilder sb = new StringBuilder(groups * 200);
        sb.append("(module (memory 1)\n (func (export \"run\") (param $n i32) (result i64)\n")
                .append("  (local $i i32) (local $a i32) (local $b i32) (local $c i64) (local $d f64) (local $k i32)\n")
                .append("  (local.set $b (i32.const 7))\n")
                .append("  (block $done (loop $l\n")
                .append("   (br_if $done (i32.ge_u (local.get $i) (local.get $n)))\n");
        for (int g = 0; g < groups; g++) {
            int k = g * 31 + 1;
            int addr = (g % 1000) * 8;
            sb.append("   (local.set $a (i32.add (local.get $a) (i32.mul (local.get $b) (i32.const ")
                    .append(k).append("))))\n");
            sb.append("   (local.set $c (i64.xor (i64.rotl (local.get $c) (i64.const 5)) (i64.extend_i32_u (local.get $a))))\n");
            sb.append("   (i32.store offset=").append(addr).append(" (i32.const 0) (local.get $a))\n");
            sb.append("   (local.set $b (i32.add (i32.load offset=").append(((g * 7) % 1000) * 8)
                    .append(" (i32.const 0)) (i32.const 1)))\n");
            sb.append("   (local.set $d (f64.add (local.get $d) (f64.convert_i32_s (local.get $b))))\n");
            if (g % 50 == 0) {
                sb.append("   (local.set $k (i32.const 0))\n")
                        .append("   (block $x (loop $y (br_if $x (i32.ge_u (local.get $k) (i32.const 3)))")
                        .append(" (local.set $a (i32.add (local.get $a) (local.get $k)))")
                        .append(" (local.set $k (i32.add (local.get $k) (i32.const 1))) (br $y)))\n");
                sb.append("   (if (i32.and (local.get $a) (i32.const 1)) (then (local.set $b (i32.xor (local.get $b) (i32.const ")
                        .append(g).append(")))) (else (local.set $c (i64.add (local.get $c) (i64.const 3)))))\n");
            }
        }
        sb.append("   (local.set $i (i32.add (local.get $i) (i32.const 1)))\n")
                .append("   (br $l)))\n")
                .append("  (i64.add (local.get $c) (i64.add (i64.extend_i32_u (local.get $a)) (i64.trunc_sat_f64_s (local.get $d))))))\n");
        return sb.toString();
    }
}
