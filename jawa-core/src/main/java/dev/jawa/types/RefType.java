package dev.jawa.types;

/** A reference type: a heap type, and whether null is among its values. */
public record RefType(boolean nullable, HeapType heapType) implements ValType {

    public static final RefType FUNCREF = new RefType(true, AbsHeapType.FUNC);
    public static final RefType EXTERNREF = new RefType(true, AbsHeapType.EXTERN);
    public static final RefType ANYREF = new RefType(true, AbsHeapType.ANY);
    public static final RefType EQREF = new RefType(true, AbsHeapType.EQ);
    public static final RefType I31REF = new RefType(true, AbsHeapType.I31);
    public static final RefType STRUCTREF = new RefType(true, AbsHeapType.STRUCT);
    public static final RefType ARRAYREF = new RefType(true, AbsHeapType.ARRAY);
    public static final RefType EXNREF = new RefType(true, AbsHeapType.EXN);
    public static final RefType NULLREF = new RefType(true, AbsHeapType.NONE);
    public static final RefType NULLFUNCREF = new RefType(true, AbsHeapType.NOFUNC);
    public static final RefType NULLEXTERNREF = new RefType(true, AbsHeapType.NOEXTERN);
    public static final RefType NULLEXNREF = new RefType(true, AbsHeapType.NOEXN);

    public RefType {
        if (heapType == null) {
            throw new IllegalArgumentException("heap type is null");
        }
    }

    /** {@code (ref null ht)} or {@code (ref ht)}. */
    public static RefType of(boolean nullable, HeapType heapType) {
        if (nullable && heapType instanceof AbsHeapType abs) {
            return nullableAbstract(abs);
        }
        return new RefType(nullable, heapType);
    }

    private static RefType nullableAbstract(AbsHeapType abs) {
        return switch (abs) {
            case FUNC -> FUNCREF;
            case EXTERN -> EXTERNREF;
            case ANY -> ANYREF;
            case EQ -> EQREF;
            case I31 -> I31REF;
            case STRUCT -> STRUCTREF;
            case ARRAY -> ARRAYREF;
            case EXN -> EXNREF;
            case NONE -> NULLREF;
            case NOFUNC -> NULLFUNCREF;
            case NOEXTERN -> NULLEXTERNREF;
            case NOEXN -> NULLEXNREF;
        };
    }

    /**
     * The full text form {@code (ref null? ht)}; printers may prefer the short forms such as
     * {@code funcref} (see {@link #shortText()}).
     */
    @Override
    public String text() {
        return nullable ? "(ref null " + heapType.text() + ")" : "(ref " + heapType.text() + ")";
    }

    /** The abbreviation ({@code funcref}, {@code externref}, ...) when there is one, else null. */
    public String shortText() {
        if (!nullable || !(heapType instanceof AbsHeapType abs)) {
            return null;
        }
        return switch (abs) {
            case NONE -> "nullref";
            case NOFUNC -> "nullfuncref";
            case NOEXTERN -> "nullexternref";
            case NOEXN -> "nullexnref";
            default -> abs.text() + "ref";
        };
    }

    @Override
    public String toString() {
        String s = shortText();
        return s != null ? s : text();
    }
}
