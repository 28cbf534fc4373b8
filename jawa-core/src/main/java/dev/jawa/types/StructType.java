package dev.jawa.types;

import java.util.List;

/** A GC struct: an ordered list of fields. */
public record StructType(List<FieldType> fields) implements CompositeType {

    public StructType {
        fields = List.copyOf(fields);
    }
}
