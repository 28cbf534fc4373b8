package dev.jawa.runtime;

/** An unboxed scalar ({@code i31ref}): 31 bits, compared by value ({@code ref.eq} uses equals). */
public record I31Ref(int value) {

    /** The i31 of an i32's low 31 bits. */
    public static I31Ref of(int i32) {
        return new I31Ref(i32 & 0x7FFF_FFFF);
    }

    /** The value sign-extended from 31 bits. */
    public int signed() {
        return (value << 1) >> 1;
    }
}
