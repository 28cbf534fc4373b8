package dev.jawa.module;

import dev.jawa.types.RefType;
import java.util.List;

/**
 * An element segment. All eight binary forms map to this one shape: the element type, one
 * constant expression per element (a function index becomes {@code ref.func x}), and the mode.
 * The encoder picks the most compact binary form back, so decoding and encoding round-trip to an
 * equal model.
 *
 * @param table for active segments, the table index (0 otherwise)
 * @param offset for active segments, the offset expression (null otherwise)
 */
public record ElementSegment(SegmentMode mode, int table, Expr offset, RefType type, List<Expr> init) {

    public ElementSegment {
        init = List.copyOf(init);
        if (mode == null || type == null) {
            throw new IllegalArgumentException("mode and type are required");
        }
        if ((mode == SegmentMode.ACTIVE) != (offset != null)) {
            throw new IllegalArgumentException("an offset is given exactly for active segments");
        }
    }
}
