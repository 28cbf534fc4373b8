package dev.jawa;

/**
 * A module could not be instantiated because its imports cannot be satisfied: a missing import
 * ("unknown import") or one whose type does not match ("incompatible import type"). Nothing of
 * the instance has been created when this is thrown.
 */
public class UnlinkableException extends WasmException {

    private final String reason;

    public UnlinkableException(String reason, String detail) {
        super(detail == null ? reason : reason + ": " + detail);
        this.reason = reason;
    }

    /** The spec testsuite's wording ("unknown import", "incompatible import type"). */
    public String reason() {
        return reason;
    }
}
