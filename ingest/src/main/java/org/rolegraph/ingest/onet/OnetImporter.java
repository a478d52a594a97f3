package org.rolegraph.ingest.onet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.rolegraph.ingest.IngestException;
import org.rolegraph.ingest.IngestListener;
import org.rolegraph.ingest.Problem;
import org.rolegraph.ingest.read.DelimitedTable;
import org.rolegraph.ingest.taxonomy.ImportResult;
import org.rolegraph.ingest.taxonomy.Release;
import org.rolegraph.ingest.taxonomy.ReleaseImport;
import org.rolegraph.model.Decimals;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.RG;
import org.rolegraph.model.SchemaOrg;
import org.rolegraph.model.records.CategoryClaim.CodeSet;

/**
 * Imports an O*NET text release (the tab-separated files of the O*NET database, 28.x to 29.x layout)
 * into the release's named graph, {@code graph/onet-VERSION}, in one transaction.
 *
 * <p>O*NET gives its occupations no IRIs, so they are named under our base,
 * {@code onet/occupation/{O*NET-SOC code}} (tasks {@code onet/task/{id}}, content-model elements such as
 * skills {@code onet/element/{id}}, technology classes {@code onet/technology/{commodity code}}, job
 * zones {@code onet/job-zone/{n}}), each occupation with {@code rdfs:seeAlso} its O*NET OnLine page and
 * that page's IRI as its {@code schema:occupationalCategory}, the IRI role-data files use for an
 * O*NET-SOC code: a curated role filed under a code meets the imported occupation there. That page's
 * code has {@code skos:broader} its SOC major group ({@code onet/group/15-0000}, titled as the 2018 SOC
 * titles it; the release does not name them), so the release can be browsed by group as ESCO's is by
 * ISCO group.
 *
 * <p>What it reads, each file if present but {@code Occupation Data.txt}, which must be there:
 * occupations (title, description), alternate titles ({@code skos:altLabel}, short titles too), task
 * statements ({@code schema:responsibilities}), related occupations ({@code skos:related}), job zones,
 * the required level of education (the category most respondents name, with its share, as
 * {@code schema:educationRequirements}), skills (a {@code rg:SkillRating} per occupation and skill with
 * importance and level; {@code schema:skills} for those of importance 3 or more, the threshold O*NET
 * OnLine uses to list a skill) and technology skills ({@code rg:technologySkill}, product names as
 * {@code rg:technologyExample}).
 */
public final class OnetImporter {

    private static final Release.Publisher PUBLISHER = new Release.Publisher("usdol-eta",
            "U.S. Department of Labor, Employment and Training Administration", "USDOL/ETA", "https://www.dol.gov/agencies/eta");
    /** O*NET OnLine lists a skill for an occupation from an importance of 3 on the 1 to 5 scale (50 of 100). */
    static final BigDecimal IMPORTANT = new BigDecimal("3.0");
    private static final String HINT = "; an O*NET text release of 28.0 or later has it";
    private static final Pattern README_VERSION = Pattern.compile("O\\*NET (\\d+\\.\\d+) Database");
    private static final char TAB = '\t';
    private static final String SOC_2018 = "SOC 2018";
    /** The titles of the 2018 SOC major groups, by code (15-0000), from the table shipped beside this class. */
    private static final Map<String, String> MAJOR_GROUPS = majorGroups();

    private IriScheme iris = IriScheme.DEFAULT;
    private IngestListener listener = IngestListener.NONE;
    private String version;

    private OnetImporter() {}

    private static Map<String, String> majorGroups() {
        Map<String, String> titles = new HashMap<>();
        try (var in = OnetImporter.class.getResourceAsStream("soc-2018-major-groups.tsv")) {
            for (String line : new String(Objects.requireNonNull(in).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] fields = line.split("\t");
                    titles.put(fields[0], fields[1].strip());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.copyOf(titles);
    }

    public static OnetImporter create() {
        return new OnetImporter();
    }

    public OnetImporter iris(IriScheme scheme) {
        this.iris = Objects.requireNonNull(scheme);
        return this;
    }

    public OnetImporter listener(IngestListener listener) {
        this.listener = Objects.requireNonNull(listener);
        return this;
    }

    /** The release's version, when neither its Read Me.txt nor the folder's name says it. */
    public OnetImporter version(String version) {
        this.version = version;
        return this;
    }

    /** The release a folder holds: its version from {@link #version}, its {@code Read Me.txt} or the folder's name. */
    public Release release(Path folder) throws IngestException {
        String v = version != null ? version : versionInReadMe(folder);
        if (v == null) {
            v = Release.versionInName(folder);
        }
        if (v == null || !Release.isVersion(v)) {
            throw new IngestException(List.of(new Problem(folder.toString(), 1, 1, v == null
                    ? "cannot tell the O*NET version from Read Me.txt or the folder's name: give it (for example --release 29.3)"
                    : "'" + v + "' is not a release version such as 29.3")));
        }
        return new Release("onet-" + v, "O*NET " + v + " Database", v, PUBLISHER, "https://www.onetcenter.org/database.html",
                "https://creativecommons.org/licenses/by/4.0/",
                "Creative Commons Attribution 4.0 International (CC BY 4.0); modified: RoleGraph keeps a selection of the files as RDF.",
                "This information includes data from the O*NET " + v + " Database by the U.S. Department of Labor, Employment and "
                        + "Training Administration (USDOL/ETA), used under the CC BY 4.0 license. O*NET is a trademark of USDOL/ETA.");
    }

    private static String versionInReadMe(Path folder) {
        Path readMe = folder.resolve("Read Me.txt");
        try {
            if (Files.isRegularFile(readMe)) {
                Matcher m = README_VERSION.matcher(Files.readString(readMe));
                return m.find() ? m.group(1) : null;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        return null;
    }

    /** Imports the release in {@code folder} into {@code store}; on a problem nothing changes. */
    public ImportResult load(DatasetGraph store, Path folder) throws IngestException {
        if (!Files.isDirectory(folder)) {
            throw new IngestException(List.of(new Problem(folder.toString(), 1, 1, "not a folder: give the folder of an O*NET text release")));
        }
        if (!Files.isRegularFile(folder.resolve(Reader.OCCUPATIONS))) {
            throw new IngestException(List.of(new Problem(folder.toString(), 1, 1,
                    "not an O*NET text release: it has no '" + Reader.OCCUPATIONS + "' (download the database's text files, not its Excel or SQL form)")));
        }
        Release release = release(folder);
        int files = (int) Reader.FILES.stream().filter(name -> Files.isRegularFile(folder.resolve(name))).count();
        return ReleaseImport.run(store, iris, release, files, listener, in -> new Reader(in, folder, iris).read());
    }

    /** Reads the files in the order their references need: occupations and reference tables first. */
    private static final class Reader {
        static final String OCCUPATIONS = "Occupation Data.txt";
        static final String CONTENT_MODEL = "Content Model Reference.txt";
        static final String JOB_ZONE_REFERENCE = "Job Zone Reference.txt";
        static final String EDUCATION_CATEGORIES = "Education, Training, and Experience Categories.txt";
        static final String ALTERNATE_TITLES = "Alternate Titles.txt";
        static final String TASKS = "Task Statements.txt";
        static final String RELATED = "Related Occupations.txt";
        static final String JOB_ZONES = "Job Zones.txt";
        static final String EDUCATION = "Education, Training, and Experience.txt";
        static final String SKILLS = "Skills.txt";
        static final String TECHNOLOGY = "Technology Skills.txt";
        static final List<String> FILES = List.of(OCCUPATIONS, CONTENT_MODEL, JOB_ZONE_REFERENCE, EDUCATION_CATEGORIES,
                ALTERNATE_TITLES, TASKS, RELATED, JOB_ZONES, EDUCATION, SKILLS, TECHNOLOGY);
        private static final String CODE = "O*NET-SOC Code";

        private final ReleaseImport in;
        private final Path folder;
        private final IriScheme iris;
        private final Set<String> occupations = new HashSet<>();
        private final Map<String, String> elementDescriptions = new HashMap<>();
        private final Set<String> elementsWritten = new HashSet<>();
        private final Set<String> technologiesWritten = new HashSet<>();
        private final Set<String> groupsWritten = new HashSet<>();
        private final Map<String, String> educationLevels = new HashMap<>();
        /** The education category most respondents name, per occupation: {category, share}. */
        private final Map<String, String[]> topEducation = new HashMap<>();

        Reader(ReleaseImport in, Path folder, IriScheme iris) {
            this.in = in;
            this.folder = folder;
            this.iris = iris;
        }

        private void table(String name, List<String> required, DelimitedTable.RowHandler handler) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                in.readTable(file, new DelimitedTable(TAB, required, List.of(), HINT), handler);
            }
        }

        void read() {
            table(OCCUPATIONS, List.of(CODE, "Title", "Description"), this::occupation);
            table(CONTENT_MODEL, List.of("Element ID", "Element Name", "Description"),
                    row -> elementDescriptions.put(row.get("Element ID"), row.get("Description")));
            table(JOB_ZONE_REFERENCE, List.of("Job Zone", "Name"), this::jobZoneConcept);
            table(EDUCATION_CATEGORIES, List.of("Element ID", "Scale ID", "Category", "Category Description"), row -> {
                if (row.get("Element ID").equals("2.D.1") && row.get("Scale ID").equals("RL")) {
                    educationLevels.put(row.get("Category"), shortName(row.get("Category Description")));
                }
            });
            table(ALTERNATE_TITLES, List.of(CODE, "Alternate Title", "Short Title"), this::alternateTitle);
            table(TASKS, List.of(CODE, "Task ID", "Task", "Task Type"), this::task);
            table(RELATED, List.of(CODE, "Related O*NET-SOC Code"), this::related);
            table(JOB_ZONES, List.of(CODE, "Job Zone"), this::jobZone);
            table(EDUCATION, List.of(CODE, "Element ID", "Scale ID", "Category", "Data Value"), this::education);
            writeEducation();
            table(SKILLS, List.of(CODE, "Element ID", "Element Name", "Scale ID", "Data Value", "Not Relevant"), this::skill);
            table(TECHNOLOGY, List.of(CODE, "Example", "Commodity Code", "Commodity Title"), this::technology);
        }

        private Node occupationNode(String code) {
            return NodeFactory.createURI(iris.onetOccupation(code));
        }

        /** The occupation a row names, or null (and a warning) when the release does not have it. */
        private Node known(DelimitedTable.Row row, String what) {
            String code = row.get(CODE);
            if (!occupations.contains(code)) {
                in.warn(what + " of an occupation that is not in Occupation Data.txt (skipped)", row.line());
                return null;
            }
            return occupationNode(code);
        }

        private void occupation(DelimitedTable.Row row) {
            String code = row.get(CODE);
            if (code.isEmpty() || !code.matches("\\d{2}-\\d{4}\\.\\d{2}")) {
                in.warn("occupations whose O*NET-SOC code is not of the form 15-1299.09 (skipped)", row.line());
                return;
            }
            occupations.add(code);
            Node s = occupationNode(code);
            in.add(s, RDF.type.asNode(), RG.Role.asNode());
            in.add(s, RDF.type.asNode(), SchemaOrg.Occupation.asNode());
            in.add(s, RDF.type.asNode(), SKOS.Concept.asNode());
            in.labels(s, "en", row.get("Title"), List.of(), List.of());
            in.lookupKeys(s, List.of(IriScheme.ONET_ID + code, code, row.get("Title")));
            if (!row.get("Description").isEmpty()) {
                in.add(s, SKOS.definition.asNode(), ReleaseImport.english(row.get("Description")));
            }
            in.add(s, SKOS.notation.asNode(), NodeFactory.createLiteralString(code));
            Node page = NodeFactory.createURI(CodeSet.ONET_SOC.iri(code));
            in.add(s, RDFS.seeAlso.asNode(), page);
            in.add(s, SchemaOrg.occupationalCategory.asNode(), page);
            in.add(page, RDF.type.asNode(), SchemaOrg.CategoryCode.asNode());
            in.add(page, SchemaOrg.codeValue.asNode(), NodeFactory.createLiteralString(code));
            in.add(page, SchemaOrg.inCodeSet.asNode(), NodeFactory.createLiteralString(CodeSet.ONET_SOC.title()));
            in.add(page, SchemaOrg.name.asNode(), ReleaseImport.english(row.get("Title")));
            in.add(page, SKOS.broader.asNode(), majorGroup(code.substring(0, 2) + "-0000", row));
        }

        /** The node of a SOC major group, written with its code and title the first time a code names it. */
        private Node majorGroup(String code, DelimitedTable.Row row) {
            Node group = NodeFactory.createURI(iris.onetGroup(code));
            if (groupsWritten.add(code)) {
                in.add(group, RDF.type.asNode(), SchemaOrg.CategoryCode.asNode());
                in.add(group, RDF.type.asNode(), SKOS.Concept.asNode());
                in.add(group, SchemaOrg.codeValue.asNode(), NodeFactory.createLiteralString(code));
                in.add(group, SchemaOrg.inCodeSet.asNode(), NodeFactory.createLiteralString(SOC_2018));
                String title = MAJOR_GROUPS.get(code);
                if (title != null) {
                    in.add(group, SchemaOrg.name.asNode(), ReleaseImport.english(title));
                } else {
                    in.warn("occupations in a SOC major group the 2018 SOC does not have (its group kept without a title)", row.line());
                }
            }
            return group;
        }

        private void alternateTitle(DelimitedTable.Row row) {
            Node s = known(row, "alternate titles");
            if (s != null) {
                List<String> titles = new ArrayList<>(List.of(row.get("Alternate Title")));
                if (!row.get("Short Title").isEmpty()) {
                    titles.add(row.get("Short Title"));
                }
                for (String title : titles) {
                    if (!title.isEmpty()) {
                        in.add(s, SKOS.altLabel.asNode(), ReleaseImport.english(title));
                    }
                }
                in.lookupKeys(s, titles);
            }
        }

        private void task(DelimitedTable.Row row) {
            Node s = known(row, "task statements");
            if (s == null) {
                return;
            }
            String id = row.get("Task ID");
            if (!id.matches("\\d+") || row.get("Task").isEmpty()) {
                in.warn("task statements without a numeric Task ID or a text (skipped)", row.line());
                return;
            }
            Node task = NodeFactory.createURI(iris.onetTask(id));
            in.add(s, SchemaOrg.responsibilities.asNode(), task);
            in.add(task, RDF.type.asNode(), RG.Responsibility.asNode());
            in.add(task, RDF.type.asNode(), SchemaOrg.DefinedTerm.asNode());
            in.add(task, RDF.type.asNode(), SKOS.Concept.asNode());
            in.add(task, SKOS.prefLabel.asNode(), ReleaseImport.english(row.get("Task")));
            if (!row.get("Task Type").isEmpty()) {
                // Core tasks are critical to the occupation, supplemental ones less relevant (O*NET's two types).
                in.add(task, SKOS.note.asNode(), ReleaseImport.english(row.get("Task Type") + " task"));
            }
        }

        private void related(DelimitedTable.Row row) {
            Node s = known(row, "related occupations");
            String other = row.get("Related O*NET-SOC Code");
            if (s == null) {
                return;
            }
            if (!occupations.contains(other)) {
                in.warn("related occupations naming an occupation that is not in Occupation Data.txt (skipped)", row.line());
                return;
            }
            in.add(s, SKOS.related.asNode(), occupationNode(other));
        }

        private void jobZoneConcept(DelimitedTable.Row row) {
            Node zone = NodeFactory.createURI(iris.onetJobZone(row.get("Job Zone")));
            in.add(zone, RDF.type.asNode(), SKOS.Concept.asNode());
            in.add(zone, SKOS.prefLabel.asNode(), ReleaseImport.english(row.get("Name")));
            in.add(zone, SKOS.notation.asNode(), NodeFactory.createLiteralString(row.get("Job Zone")));
        }

        private void jobZone(DelimitedTable.Row row) {
            Node s = known(row, "job zones");
            if (s == null) {
                return;
            }
            if (!row.get("Job Zone").matches("[1-5]")) {
                in.warn("job zones that are not 1 to 5 (skipped)", row.line());
                return;
            }
            in.add(s, RG.jobZone.asNode(), NodeFactory.createURI(iris.onetJobZone(row.get("Job Zone"))));
        }

        private void education(DelimitedTable.Row row) {
            if (!row.get("Element ID").equals("2.D.1") || !row.get("Scale ID").equals("RL")) {
                return; // experience and training scales are not read
            }
            if (known(row, "education ratings") == null) {
                return;
            }
            BigDecimal share = decimal(row, "Data Value");
            if (share == null) {
                return;
            }
            String[] best = topEducation.get(row.get(CODE));
            if (best == null || share.compareTo(new BigDecimal(best[1])) > 0) {
                topEducation.put(row.get(CODE), new String[] {row.get("Category"), share.toPlainString()});
            }
        }

        private void writeEducation() {
            topEducation.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                String level = educationLevels.getOrDefault(e.getValue()[0], "category " + e.getValue()[0]);
                in.add(occupationNode(e.getKey()), SchemaOrg.educationRequirements.asNode(), ReleaseImport.english(
                        level + " (the level most respondents say the job requires: " + e.getValue()[1] + "%)"));
            });
        }

        private void skill(DelimitedTable.Row row) {
            Node s = known(row, "skill ratings");
            if (s == null) {
                return;
            }
            String element = row.get("Element ID");
            String scale = row.get("Scale ID");
            BigDecimal value = decimal(row, "Data Value");
            if (value == null || !(scale.equals("IM") || scale.equals("LV"))) {
                return;
            }
            Node skill = NodeFactory.createURI(iris.onetElement(element));
            if (elementsWritten.add(element)) {
                in.add(skill, RDF.type.asNode(), RG.Skill.asNode());
                in.add(skill, RDF.type.asNode(), SchemaOrg.DefinedTerm.asNode());
                in.add(skill, RDF.type.asNode(), SKOS.Concept.asNode());
                in.add(skill, SKOS.prefLabel.asNode(), ReleaseImport.english(row.get("Element Name")));
                in.add(skill, SKOS.notation.asNode(), NodeFactory.createLiteralString(element));
                String description = elementDescriptions.get(element);
                if (description != null && !description.isEmpty()) {
                    in.add(skill, SKOS.definition.asNode(), ReleaseImport.english(description));
                }
            }
            Node rating = NodeFactory.createURI(iris.onetOccupation(row.get(CODE)) + "#skill-" + element);
            in.add(s, RG.skillRating.asNode(), rating);
            in.add(rating, RDF.type.asNode(), RG.SkillRating.asNode());
            in.add(rating, RG.ratedSkill.asNode(), skill);
            Node figure = NodeFactory.createLiteralDT(Decimals.canonical(value), XSDDatatype.XSDdecimal);
            if (scale.equals("IM")) {
                in.add(rating, RG.importance.asNode(), figure);
                if (value.compareTo(IMPORTANT) >= 0) {
                    in.add(s, SchemaOrg.skills.asNode(), skill);
                }
            } else if (!row.get("Not Relevant").equals("Y")) {
                in.add(rating, RG.level.asNode(), figure);
            }
        }

        private void technology(DelimitedTable.Row row) {
            Node s = known(row, "technology skills");
            if (s == null) {
                return;
            }
            String commodity = row.get("Commodity Code");
            if (!commodity.matches("\\d+")) {
                in.warn("technology skills without a numeric commodity code (skipped)", row.line());
                return;
            }
            Node technology = NodeFactory.createURI(iris.onetTechnology(commodity));
            if (technologiesWritten.add(commodity)) {
                in.add(technology, RDF.type.asNode(), RG.Skill.asNode());
                in.add(technology, RDF.type.asNode(), SchemaOrg.DefinedTerm.asNode());
                in.add(technology, RDF.type.asNode(), SKOS.Concept.asNode());
                in.add(technology, SKOS.prefLabel.asNode(), ReleaseImport.english(row.get("Commodity Title")));
                in.add(technology, SKOS.notation.asNode(), NodeFactory.createLiteralString(commodity));
            }
            in.add(s, RG.technologySkill.asNode(), technology);
            if (!row.get("Example").isEmpty()) {
                in.add(s, RG.technologyExample.asNode(), NodeFactory.createLiteralString(row.get("Example")));
            }
        }

        private BigDecimal decimal(DelimitedTable.Row row, String column) {
            try {
                return new BigDecimal(row.get(column));
            } catch (NumberFormatException e) {
                in.warn("rows whose " + column + " is not a number (skipped)", row.line());
                return null;
            }
        }

        /** "Bachelor's Degree" of "Bachelor's Degree", "High School Diploma" of "High School Diploma - or the equivalent ...". */
        private static String shortName(String description) {
            String name = description;
            int dash = name.indexOf(" - ");
            if (dash > 0) {
                name = name.substring(0, dash);
            }
            int paren = name.indexOf(" (");
            return paren > 0 ? name.substring(0, paren) : name;
        }
    }
}
