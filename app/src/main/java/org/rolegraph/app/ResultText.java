package org.rolegraph.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.core.Var;
import org.rolegraph.model.IriScheme;

/**
 * SELECT results as a person reads them, in place of Jena's table of RDF terms: literals as plain
 * text (no quotes, datatypes or language tags), an IRI as its label with its short name beside it,
 * unbound cells blank. Rows that fit the width form a table; wider ones are printed one block per
 * row, name and value, each value wrapped to the width.
 */
final class ResultText {

    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    /** {@code labels} maps IRIs to the labels to show; {@code iris} shortens the IRIs under the base. */
    ResultText(List<Var> variables, List<Binding> bindings, Map<String, String> labels, IriScheme iris) {
        this.columns = variables.stream().map(Var::getVarName).toList();
        for (Binding binding : bindings) {
            List<String> row = new ArrayList<>();
            for (Var variable : variables) {
                Node value = binding.get(variable);
                row.add(value == null ? "" : show(value, labels, iris));
            }
            rows.add(row);
        }
    }

    private static String show(Node value, Map<String, String> labels, IriScheme iris) {
        if (value.isLiteral()) {
            return value.getLiteralLexicalForm().strip();
        }
        if (value.isBlank()) {
            return "_:" + value.getBlankNodeLabel();
        }
        if (!value.isURI()) {
            return value.toString();
        }
        String iri = value.getURI();
        String shortName = iri.startsWith(iris.role("")) ? iri.substring(iris.role("").length())
                : iri.startsWith(iris.base()) ? iri.substring(iris.base().length()) : iri;
        String label = labels.containsKey(iri) ? labels.get(iri) : ontologyLabel(iri);
        return label == null ? shortName : label + " (" + shortName + ")";
    }

    /** The ontology, read once, when a result first holds an IRI without a label from the store. */
    private static final class OntologyTerms {
        static final org.apache.jena.rdf.model.Model MODEL = org.rolegraph.model.Ontology.ontology();
    }

    /** The ontology's own English label of one of its terms (a timeframe, a class), which no store need hold. */
    private static String ontologyLabel(String iri) {
        org.apache.jena.rdf.model.Resource term = OntologyTerms.MODEL.getResource(iri);
        for (org.apache.jena.rdf.model.Property property : List.of(org.apache.jena.vocabulary.SKOS.prefLabel,
                org.apache.jena.vocabulary.RDFS.label)) {
            for (org.apache.jena.rdf.model.Statement statement : term.listProperties(property).toList()) {
                if (statement.getObject().isLiteral() && statement.getLiteral().getLanguage().equals("en")) {
                    return statement.getLiteral().getLexicalForm();
                }
            }
        }
        return null;
    }

    /** The IRIs of the results, to look up their labels. */
    static List<String> iris(List<Binding> bindings) {
        List<String> iris = new ArrayList<>();
        for (Binding binding : bindings) {
            binding.vars().forEachRemaining(variable -> {
                Node value = binding.get(variable);
                if (value.isURI()) {
                    iris.add(value.getURI());
                }
            });
        }
        return iris;
    }

    void write(PrintWriter out, int width) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        int total = java.util.Arrays.stream(widths).sum() + 2 * Math.max(0, columns.size() - 1);
        if (total <= width) {
            table(out, widths);
        } else {
            blocks(out, width);
        }
        out.println(rows.size() + (rows.size() == 1 ? " row" : " rows"));
        out.flush();
    }

    private void table(PrintWriter out, int[] widths) {
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, columns, widths);
        line(out, rule, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(c == 0 ? "" : "  ").append(cells.get(c));
            line.append(" ".repeat(widths[c] - cells.get(c).length()));
        }
        out.println(line.toString().stripTrailing());
    }

    private void blocks(PrintWriter out, int width) {
        int nameWidth = columns.stream().mapToInt(String::length).max().orElse(0) + 2;
        String indent = " ".repeat(nameWidth);
        for (int r = 0; r < rows.size(); r++) {
            out.println("[" + (r + 1) + "]");
            for (int c = 0; c < columns.size(); c++) {
                String value = rows.get(r).get(c);
                if (value.isEmpty()) {
                    continue;
                }
                String name = columns.get(c) + " ".repeat(nameWidth - columns.get(c).length());
                Text.wrap(value, width, name, indent).forEach(out::println);
            }
            out.println();
        }
    }
}
