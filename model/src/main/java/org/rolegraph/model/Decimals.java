package org.rolegraph.model;

import java.math.BigDecimal;

/** How RoleGraph writes decimal figures (salaries, ratings) as RDF literals. */
public final class Decimals {
    private Decimals() {}

    /**
     * The XSD 1.0 canonical form Jena itself uses ("98439.0", "1000.5", "4.12"): figures read back
     * from TDB2 come in this form, so writing it keeps every store and export byte-identical.
     */
    public static String canonical(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return stripped.setScale(0).toPlainString() + ".0";
        }
        return stripped.toPlainString();
    }
}
