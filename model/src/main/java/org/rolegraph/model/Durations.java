package org.rolegraph.model;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Durations (a salary's period) in the form RoleGraph writes them, whatever store answered. Virtuoso
 * keeps an xsd:duration as a number and hands it back as one, still typed xsd:duration: a year-month
 * duration as whole months ("P1Y" comes back as "12"), a day-time one as seconds ("PT1H" as
 * "3600.0"). Read back, such a number becomes the duration in XSD 1.1's canonical form ("P1Y", "P7D",
 * "PT1H"), which is the form RoleGraph writes (see records.SalaryPeriod).
 */
public final class Durations {
    private Durations() {}

    private static final BigInteger TWELVE = BigInteger.valueOf(12);

    /** An xsd:duration literal given back as a number, as the duration it stands for; any other term as it is. */
    public static Node canonical(Node node) {
        if (!node.isLiteral() || !XSDDatatype.XSDduration.getURI().equals(node.getLiteralDatatypeURI())) {
            return node;
        }
        String lexical = node.getLiteralLexicalForm();
        String duration;
        if (lexical.matches("-?\\d+")) {
            duration = fromMonths(new BigInteger(lexical));
        } else if (lexical.matches("-?\\d+\\.\\d*")) {
            duration = fromSeconds(new BigDecimal(lexical));
        } else {
            return node;
        }
        return NodeFactory.createLiteralDT(duration, XSDDatatype.XSDduration);
    }

    private static String fromMonths(BigInteger months) {
        String sign = months.signum() < 0 ? "-" : "";
        BigInteger[] yearsAndMonths = months.abs().divideAndRemainder(TWELVE);
        StringBuilder text = new StringBuilder(sign).append('P');
        if (yearsAndMonths[0].signum() > 0) {
            text.append(yearsAndMonths[0]).append('Y');
        }
        if (yearsAndMonths[1].signum() > 0 || yearsAndMonths[0].signum() == 0) {
            text.append(yearsAndMonths[1]).append('M');
        }
        return text.toString();
    }

    private static String fromSeconds(BigDecimal seconds) {
        String sign = seconds.signum() < 0 ? "-" : "";
        BigDecimal rest = seconds.abs();
        BigDecimal[] days = rest.divideAndRemainder(BigDecimal.valueOf(86400));
        BigDecimal[] hours = days[1].divideAndRemainder(BigDecimal.valueOf(3600));
        BigDecimal[] minutes = hours[1].divideAndRemainder(BigDecimal.valueOf(60));
        BigDecimal second = minutes[1].stripTrailingZeros();
        StringBuilder text = new StringBuilder(sign).append('P');
        if (days[0].signum() > 0) {
            text.append(days[0].toBigInteger()).append('D');
        }
        StringBuilder time = new StringBuilder();
        if (hours[0].signum() > 0) {
            time.append(hours[0].toBigInteger()).append('H');
        }
        if (minutes[0].signum() > 0) {
            time.append(minutes[0].toBigInteger()).append('M');
        }
        if (second.signum() > 0) {
            time.append(second.scale() < 0 ? second.setScale(0).toPlainString() : second.toPlainString()).append('S');
        }
        if (time.length() > 0) {
            text.append('T').append(time);
        } else if (days[0].signum() == 0) {
            text.append("T0S");
        }
        return text.toString();
    }
}
