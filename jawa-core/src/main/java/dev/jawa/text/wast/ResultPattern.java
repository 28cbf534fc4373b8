package dev.jawa.text.wast;

import java.util.List;

/** What {@code assert_return} expects of one result. */
public sealed interface ResultPattern {

    /** Exactly this value (floats compared bit for bit). */
    record Exact(WastValue value) implements ResultPattern {
    }

    /** {@code nan:canonical} or {@code nan:arithmetic} of f32 ({@code is64} false) or f64. */
    record NaN(boolean is64, boolean canonical) implements ResultPattern {
    }

    /**
     * {@code (v128.const shape lane...)} where float lanes may be NaN patterns; the parser gives
     * every expected v128 in this form (never as {@link Exact}). {@code shape} is
     * {@code i8x16}, {@code i16x8}, {@code i32x4}, {@code i64x2}, {@code f32x4} or {@code f64x2};
     * {@code lanes[i]} is the lane's bits, or, where {@code nanLanes[i]} is not null, the lane is
     * that NaN pattern ({@link NaN}).
     */
    record V128Lanes(String shape, long[] lanes, NaN[] nanLanes) implements ResultPattern {
    }

    /**
     * A reference of a kind: {@code (ref.func)}, {@code (ref.extern)}, {@code (ref.struct)},
     * {@code (ref.array)}, {@code (ref.i31)}, {@code (ref.eq)}, {@code (ref.any)}, {@code (ref.exn)},
     * {@code (ref.null)} (any null); {@code (ref.extern n)} and {@code (ref.host n)} are exact
     * values ({@link Exact}), {@code (ref.null ht)} likewise.
     *
     * <p>{@code kind} is the word after {@code ref.}: {@code func}, {@code extern}, {@code struct},
     * {@code array}, {@code i31}, {@code eq}, {@code any}, {@code exn} or {@code null}; the
     * reference interpreter's {@code (ref)} (any non-null reference) is {@code any} too.
     */
    record RefKind(String kind) implements ResultPattern {
    }

    /** {@code (either p...)}: any of the alternatives. */
    record Either(List<ResultPattern> alternatives) implements ResultPattern {

        public Either {
            alternatives = List.copyOf(alternatives);
        }
    }
}
