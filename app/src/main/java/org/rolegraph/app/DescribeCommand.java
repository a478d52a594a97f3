package org.rolegraph.app;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.query.Aspect;
import org.rolegraph.query.Certification;
import org.rolegraph.query.LinkedOccupation;
import org.rolegraph.query.RoleProfile;
import org.rolegraph.query.Roles;
import org.rolegraph.query.SalaryFigure;
import org.rolegraph.query.SurveyFigure;
import org.rolegraph.query.SourceRef;
import org.rolegraph.query.Statement;
import org.rolegraph.query.UnknownRoleException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph describe ROLE}: everything about one role, each claim with its source. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show everything the graph says about one role, each claim marked with its source.")
final class DescribeCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "ROLE", description = "A role id, such as delivery-manager.")
    String roleId;

    @Mixin
    Backend backend = new Backend();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        try (RDFConnection connection = backend.connect()) {
            RoleProfile profile = new Roles(connection, backend.iris(), backend.timeout()).describe(roleId);
            print(profile, spec.commandLine().getOut(), Text.width());
        }
    }

    static void print(RoleProfile profile, PrintWriter out, int width) {
        Map<String, Integer> footnotes = new LinkedHashMap<>();
        for (SourceRef source : profile.sources()) {
            footnotes.put(source.iri(), footnotes.size() + 1);
        }
        out.println(profile.role().label() + " (" + profile.role().id() + ")");
        out.println(profile.role().iri());
        for (Aspect aspect : Aspect.values()) {
            if (aspect == Aspect.CERTIFICATION) {
                printCertifications(profile, out, width, footnotes);
                continue;
            }
            List<Statement> statements = profile.statements(aspect);
            if (statements.isEmpty()) {
                continue;
            }
            out.println();
            out.println(aspect.title());
            for (Statement statement : statements) {
                String shown = statement.iri() && !statement.label().equals(statement.value())
                        ? statement.label() + (aspect == Aspect.EXACT_MATCH || aspect == Aspect.CLOSE_MATCH
                                || aspect == Aspect.OCCUPATIONAL_CATEGORY ? " <" + statement.value() + ">" : "")
                        : statement.label();
                bullet(out, width, shown + " " + marks(statement.sources(), footnotes));
            }
            if (aspect == Aspect.WORK_ENVIRONMENT) {
                printSalaries(profile, out, width, footnotes);
                printSurveys(profile, out, width, footnotes);
            }
        }
        if (profile.statements(Aspect.WORK_ENVIRONMENT).isEmpty()) {
            printSalaries(profile, out, width, footnotes);
            printSurveys(profile, out, width, footnotes);
        }
        for (LinkedOccupation linked : profile.linked()) {
            out.println();
            out.println("From " + linked.occupation().label() + " (" + linked.occupation().id() + "), "
                    + (linked.exact() ? "the same occupation" : "a close occupation") + " in a taxonomy");
            for (Aspect aspect : List.of(Aspect.ALTERNATIVE_LABEL, Aspect.RESPONSIBILITY, Aspect.SKILL)) {
                List<Statement> statements = linked.statements(aspect);
                if (!statements.isEmpty()) {
                    out.println("  " + aspect.title());
                    for (Statement statement : statements) {
                        for (String line : Text.wrap(statement.label() + " " + marks(statement.sources(), footnotes), width,
                                "    - ", "      ")) {
                            out.println(line);
                        }
                    }
                }
            }
        }
        out.println();
        out.println("Sources");
        for (SourceRef source : profile.sources()) {
            for (String line : Text.wrap(source.title() + " <" + source.iri() + ">", width,
                    "  [" + footnotes.get(source.iri()) + "] ", "      ")) {
                out.println(line);
            }
        }
        out.flush();
    }

    private static void printCertifications(RoleProfile profile, PrintWriter out, int width,
            Map<String, Integer> footnotes) {
        if (profile.certifications().isEmpty()) {
            return;
        }
        out.println();
        out.println(Aspect.CERTIFICATION.title());
        for (Certification certification : profile.certifications()) {
            String body = certification.bodyName()
                    + (certification.bodyAbbreviation() == null ? "" : " (" + certification.bodyAbbreviation() + ")");
            bullet(out, width, certification.name() + ", granted by " + body + " "
                    + marks(certification.sources(), footnotes));
        }
    }

    private static void printSalaries(RoleProfile profile, PrintWriter out, int width, Map<String, Integer> footnotes) {
        if (profile.salaries().isEmpty()) {
            return;
        }
        out.println();
        out.println("Salaries (each as its source gives it; never averaged together)");
        for (SalaryFigure salary : profile.salaries()) {
            bullet(out, width, salaryText(salary) + " " + marks(List.of(salary.source()), footnotes));
        }
    }

    private static void printSurveys(RoleProfile profile, PrintWriter out, int width, Map<String, Integer> footnotes) {
        if (profile.surveys().isEmpty()) {
            return;
        }
        out.println();
        out.println("Survey figures");
        for (SurveyFigure figure : profile.surveys()) {
            bullet(out, width, surveyText(figure) + " " + marks(List.of(figure.source()), footnotes));
        }
    }

    /** A survey figure in words, with its note. */
    static String surveyText(SurveyFigure s) {
        return s.summary() + (s.note() == null ? "" : ". " + s.note());
    }

    /** The estimate in words, with its note. */
    static String salaryText(SalaryFigure s) {
        return s.summary() + (s.note() == null ? "" : ". " + s.note());
    }

    private static String marks(List<SourceRef> sources, Map<String, Integer> footnotes) {
        return Text.marks(sources, footnotes);
    }

    private static void bullet(PrintWriter out, int width, String text) {
        for (String line : Text.wrap(text, width, "  - ", "    ")) {
            out.println(line);
        }
    }
}
