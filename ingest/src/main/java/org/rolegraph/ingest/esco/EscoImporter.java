package org.rolegraph.ingest.esco;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.rolegraph.ingest.IngestException;
import org.rolegraph.ingest.IngestListener;
import org.rolegraph.ingest.Problem;
import org.rolegraph.ingest.read.DelimitedTable;
import org.rolegraph.ingest.taxonomy.ImportResult;
import org.rolegraph.ingest.taxonomy.Release;
import org.rolegraph.ingest.taxonomy.ReleaseImport;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.RG;
import org.rolegraph.model.SchemaOrg;
import org.rolegraph.model.records.CategoryClaim.CodeSet;

/**
 * Imports an ESCO CSV release folder (the classification as the European Commission ships it, v1.1.x
 * or v1.2.x) into the release's named graph, {@code graph/esco-VERSION}, in one transaction.
 *
 * <pre>{@code
 * ImportResult result = EscoImporter.create().load(store, Path.of("ESCO dataset - v1.1.1"));
 * }</pre>
 *
 * <p>What it reads, each file if present (v1.2 names the relation files with {@code _en}, v1.1 does not):
 * <ul>
 * <li>{@code occupations_en.csv} (required): each occupation keeps its ESCO IRI and becomes an
 *     {@code rg:Role}, {@code schema:Occupation} and {@code skos:Concept} with its labels, description
 *     ({@code skos:definition}), ESCO code ({@code skos:notation}) and ISCO group
 *     ({@code schema:occupationalCategory}); every other {@code occupations_XX.csv} adds labels in XX;</li>
 * <li>{@code skills_en.csv} (and {@code skills_XX.csv}): each skill an {@code rg:Skill} with its labels,
 *     description, skill type and reuse level (ESCO's own concept IRIs);</li>
 * <li>{@code occupationSkillRelations[_en].csv}: {@code rg:essentialSkill} or {@code rg:optionalSkill}, and
 *     {@code schema:skills} for queries that know neither;</li>
 * <li>{@code broaderRelationsOccPillar[_en].csv}, {@code broaderRelationsSkillPillar[_en].csv}: {@code skos:broader};</li>
 * <li>{@code ISCOGroups_XX.csv}, {@code skillGroups_XX.csv}: the groups those point at, with their labels.</li>
 * </ul>
 * Other files of the release (collections, the skills hierarchy table, concept schemes) are not read.
 */
public final class EscoImporter {

    static final String OCCUPATION_IRI = "http://data.europa.eu/esco/occupation/";
    static final String SKILL_IRI = "http://data.europa.eu/esco/skill/";
    static final Node OCCUPATION_SCHEME = NodeFactory.createURI("http://data.europa.eu/esco/concept-scheme/occupations");
    static final Node SKILL_SCHEME = NodeFactory.createURI("http://data.europa.eu/esco/concept-scheme/skills");
    private static final String SKILL_TYPE = "http://data.europa.eu/esco/skill-type/";
    private static final String REUSE_LEVEL = "http://data.europa.eu/esco/skill-reuse-level/";
    /** ESCO's skill types as its CSV spells them, with the local name of their concept IRI. */
    private static final Map<String, String> SKILL_TYPES = Map.of("skill/competence", "skill", "knowledge", "knowledge");
    private static final Set<String> REUSE_LEVELS = Set.of("transversal", "cross-sector", "sector-specific", "occupation-specific");

    private static final Pattern LABEL_FILE = Pattern.compile("(occupations|skills|ISCOGroups|skillGroups)_([a-z]{2,3}(?:-[A-Za-z]+)?)\\.csv");

    private static final Release.Publisher PUBLISHER = new Release.Publisher("european-commission", "European Commission",
            null, "https://commission.europa.eu/");

    private IriScheme iris = IriScheme.DEFAULT;
    private IngestListener listener = IngestListener.NONE;
    private String version;

    private EscoImporter() {}

    public static EscoImporter create() {
        return new EscoImporter();
    }

    public EscoImporter iris(IriScheme scheme) {
        this.iris = Objects.requireNonNull(scheme);
        return this;
    }

    public EscoImporter listener(IngestListener listener) {
        this.listener = Objects.requireNonNull(listener);
        return this;
    }

    /** The release's version, when the folder's name does not carry it (default: from the name). */
    public EscoImporter version(String version) {
        this.version = version;
        return this;
    }

    /** The release a folder holds, as a source: its version from {@link #version} or the folder's name. */
    public Release release(Path folder) throws IngestException {
        String v = version != null ? version : Release.versionInName(folder);
        if (v == null || !Release.isVersion(v)) {
            throw new IngestException(List.of(new Problem(folder.toString(), 1, 1, v == null
                    ? "cannot tell the ESCO version from the folder's name: give it (for example --release 1.1.1)"
                    : "'" + v + "' is not a release version such as 1.1.1")));
        }
        return new Release("esco-" + v, "ESCO classification v" + v, v, PUBLISHER,
                "https://esco.ec.europa.eu/en/use-esco/download", null,
                "Free reuse, including commercial reuse, with attribution, under the European Commission's reuse policy for its documents.",
                "This service uses the ESCO classification of the European Commission.");
    }

    /** Imports the release in {@code folder} into {@code store}; on a problem nothing changes. */
    public ImportResult load(DatasetGraph store, Path folder) throws IngestException {
        Release release = release(folder);
        ReleaseFiles files = ReleaseFiles.find(folder);
        return ReleaseImport.run(store, iris, release, files.count(), listener, in -> new Reader(in, files).read());
    }

    /** The files of a release folder, by role. */
    record ReleaseFiles(Path occupations, Map<String, Path> occupationLabels, Path skills, Map<String, Path> skillLabels,
            Map<String, Path> iscoGroups, Map<String, Path> skillGroups, Path relations, Path broaderOccupations,
            Path broaderSkills) {

        int count() {
            int n = 1 + occupationLabels.size() + skillLabels.size() + iscoGroups.size() + skillGroups.size();
            for (Path p : new Path[] {skills, relations, broaderOccupations, broaderSkills}) {
                n += p == null ? 0 : 1;
            }
            return n;
        }

        static ReleaseFiles find(Path folder) throws IngestException {
            if (!Files.isDirectory(folder)) {
                throw single(folder, "not a folder: give the folder of an ESCO CSV release");
            }
            Map<String, Map<String, Path>> byKind = new TreeMap<>();
            Set<String> names = new java.util.TreeSet<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.csv")) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    names.add(name);
                    Matcher m = LABEL_FILE.matcher(name);
                    if (m.matches()) {
                        byKind.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(m.group(2), entry);
                    }
                }
            } catch (IOException e) {
                throw single(folder, "cannot list the folder: " + e.getMessage());
            }
            Map<String, Path> occupations = new TreeMap<>(byKind.getOrDefault("occupations", Map.of()));
            Path english = occupations.remove("en");
            if (english == null) {
                throw single(folder, "not an ESCO CSV release: it has no occupations_en.csv (found: "
                        + (names.isEmpty() ? "no CSV files" : String.join(", ", names)) + ")");
            }
            Map<String, Path> skills = new TreeMap<>(byKind.getOrDefault("skills", Map.of()));
            Path skillsEnglish = skills.remove("en");
            if (skillsEnglish == null && !skills.isEmpty()) {
                throw single(folder, "has skills in other languages but no skills_en.csv");
            }
            List<Problem> problems = new ArrayList<>();
            Path relations = either(folder, "occupationSkillRelations", problems);
            if (relations != null && skillsEnglish == null) {
                problems.add(new Problem(relations.toString(), 1, 1, "relations to skills need the release's skills_en.csv beside them"));
            }
            Path broaderOccupations = either(folder, "broaderRelationsOccPillar", problems);
            Path broaderSkills = either(folder, "broaderRelationsSkillPillar", problems);
            if (!problems.isEmpty()) {
                throw new IngestException(problems);
            }
            return new ReleaseFiles(english, occupations, skillsEnglish, skills, byKind.getOrDefault("ISCOGroups", Map.of()),
                    byKind.getOrDefault("skillGroups", Map.of()), relations, broaderOccupations, broaderSkills);
        }

        /** {@code NAME.csv} (v1.1) or {@code NAME_en.csv} (v1.2), or null; both is a problem. */
        private static Path either(Path folder, String name, List<Problem> problems) {
            Path plain = folder.resolve(name + ".csv");
            Path english = folder.resolve(name + "_en.csv");
            boolean hasPlain = Files.isRegularFile(plain);
            boolean hasEnglish = Files.isRegularFile(english);
            if (hasPlain && hasEnglish) {
                problems.add(new Problem(english.toString(), 1, 1, "both " + plain.getFileName() + " and " + english.getFileName()
                        + " are in the folder: keep the one of this release"));
                return null;
            }
            return hasPlain ? plain : hasEnglish ? english : null;
        }

        private static IngestException single(Path folder, String message) {
            return new IngestException(List.of(new Problem(folder.toString(), 1, 1, message)));
        }
    }

    /** Reads the files in the order their references need: concepts before the relations between them. */
    private static final class Reader {
        private final ReleaseImport in;
        private final ReleaseFiles files;
        private final Set<String> occupations = new HashSet<>();
        private final Set<String> skills = new HashSet<>();
        private final Set<String> iscoGroups = new HashSet<>();
        private final Set<String> skillGroups = new HashSet<>();

        Reader(ReleaseImport in, ReleaseFiles files) {
            this.in = in;
            this.files = files;
        }

        void read() {
            in.readTable(files.occupations(), new DelimitedTable(',',
                    List.of("conceptUri", "preferredLabel", "altLabels", "iscoGroup", "code", "description"),
                    List.of("conceptType", "hiddenLabels", "scopeNote")), this::occupation);
            for (var language : files.occupationLabels().entrySet()) {
                translations(language.getValue(), language.getKey(), occupations, "an occupation", true);
            }
            for (var language : files.iscoGroups().entrySet()) {
                in.readTable(language.getValue(), new DelimitedTable(',', List.of("conceptUri", "code", "preferredLabel"),
                        List.of()), row -> iscoGroup(row, language.getKey()));
            }
            if (files.broaderOccupations() != null) {
                in.readTable(files.broaderOccupations(), broaderTable(), row -> broader(row, occupations, iscoGroups,
                        "an occupation or ISCO group"));
            }
            if (files.skills() != null) {
                in.readTable(files.skills(), new DelimitedTable(',',
                        List.of("conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "description"),
                        List.of("hiddenLabels", "scopeNote")), this::skill);
                for (var language : files.skillLabels().entrySet()) {
                    translations(language.getValue(), language.getKey(), skills, "a skill", false);
                }
            }
            for (var language : files.skillGroups().entrySet()) {
                in.readTable(language.getValue(), new DelimitedTable(',', List.of("conceptUri", "preferredLabel"),
                        List.of("altLabels", "hiddenLabels", "code", "description")), row -> skillGroup(row, language.getKey()));
            }
            if (files.broaderSkills() != null) {
                in.readTable(files.broaderSkills(), broaderTable(), row -> broader(row, skills, skillGroups, "a skill or skill group"));
            }
            if (files.relations() != null) {
                in.readTable(files.relations(), new DelimitedTable(',', List.of("occupationUri", "relationType", "skillUri"),
                        List.of()), this::relation);
            }
            conceptsOfSkillTypesAndReuseLevels();
        }

        private static DelimitedTable broaderTable() {
            return new DelimitedTable(',', List.of("conceptUri", "broaderUri"), List.of());
        }

        private void occupation(DelimitedTable.Row row) {
            String uri = row.get("conceptUri");
            if (!uri.startsWith(OCCUPATION_IRI) || uri.length() == OCCUPATION_IRI.length()) {
                in.warn("occupation rows whose conceptUri is not an ESCO occupation IRI (skipped)", row.line());
                return;
            }
            Node s = NodeFactory.createURI(uri);
            occupations.add(uri);
            in.add(s, RDF.type.asNode(), RG.Role.asNode());
            in.add(s, RDF.type.asNode(), SchemaOrg.Occupation.asNode());
            in.add(s, RDF.type.asNode(), SKOS.Concept.asNode());
            in.add(s, SKOS.inScheme.asNode(), OCCUPATION_SCHEME);
            List<String> alternative = ReleaseImport.lines(row.get("altLabels"));
            List<String> hidden = ReleaseImport.lines(row.getOptional("hiddenLabels"));
            in.labels(s, "en", row.get("preferredLabel"), alternative, hidden);
            List<String> names = new ArrayList<>(List.of(in.iris().roleId(uri) == null ? "" : in.iris().roleId(uri),
                    row.get("code"), row.get("preferredLabel")));
            names.addAll(alternative);
            names.addAll(hidden);
            in.lookupKeys(s, names);
            text(s, SKOS.definition.asNode(), row.get("description"), "en");
            text(s, SKOS.scopeNote.asNode(), row.getOptional("scopeNote"), "en");
            if (!row.get("code").isEmpty()) {
                in.add(s, SKOS.notation.asNode(), NodeFactory.createLiteralString(row.get("code")));
            }
            String group = row.get("iscoGroup");
            if (group.isEmpty()) {
                in.warn("occupations without an ISCO group (kept without one)", row.line());
            } else {
                in.add(s, SchemaOrg.occupationalCategory.asNode(), NodeFactory.createURI(CodeSet.ISCO_08.iri(group)));
            }
        }

        /** Labels and descriptions in another language, for concepts the English file has. */
        private void translations(Path file, String lang, Set<String> known, String what, boolean roles) {
            in.readTable(file, new DelimitedTable(',', List.of("conceptUri", "preferredLabel"),
                    List.of("altLabels", "hiddenLabels", "description")), row -> {
                        String uri = row.get("conceptUri");
                        if (!known.contains(uri)) {
                            in.warn("rows of a language file naming " + what + " the English file lacks (skipped)", row.line());
                            return;
                        }
                        Node s = NodeFactory.createURI(uri);
                        List<String> alternative = ReleaseImport.lines(row.getOptional("altLabels"));
                        List<String> hidden = ReleaseImport.lines(row.getOptional("hiddenLabels"));
                        in.labels(s, lang, row.get("preferredLabel"), alternative, hidden);
                        if (roles) {
                            List<String> names = new ArrayList<>(List.of(row.get("preferredLabel")));
                            names.addAll(alternative);
                            names.addAll(hidden);
                            in.lookupKeys(s, names);
                        }
                        text(s, SKOS.definition.asNode(), row.getOptional("description"), lang);
                    });
        }

        private void iscoGroup(DelimitedTable.Row row, String lang) {
            String code = row.get("code");
            if (code.isEmpty()) {
                in.warn("ISCO group rows without a code (skipped)", row.line());
                return;
            }
            // The same IRI as ESCO's conceptUri, and as a role-data file's occupational category: all meet.
            String uri = CodeSet.ISCO_08.iri(code);
            Node s = NodeFactory.createURI(uri);
            iscoGroups.add(uri);
            if (lang.equals("en")) {
                in.add(s, RDF.type.asNode(), SchemaOrg.CategoryCode.asNode());
                in.add(s, RDF.type.asNode(), SKOS.Concept.asNode());
                in.add(s, SchemaOrg.codeValue.asNode(), NodeFactory.createLiteralString(code));
                in.add(s, SchemaOrg.inCodeSet.asNode(), NodeFactory.createLiteralString(CodeSet.ISCO_08.title()));
            }
            if (!row.get("preferredLabel").isEmpty()) {
                in.add(s, SchemaOrg.name.asNode(), NodeFactory.createLiteralLang(row.get("preferredLabel"), lang));
            }
        }

        private void skill(DelimitedTable.Row row) {
            String uri = row.get("conceptUri");
            if (!uri.startsWith(SKILL_IRI) || uri.length() == SKILL_IRI.length()) {
                in.warn("skill rows whose conceptUri is not an ESCO skill IRI (skipped)", row.line());
                return;
            }
            Node s = NodeFactory.createURI(uri);
            skills.add(uri);
            in.add(s, RDF.type.asNode(), RG.Skill.asNode());
            in.add(s, RDF.type.asNode(), SchemaOrg.DefinedTerm.asNode());
            in.add(s, RDF.type.asNode(), SKOS.Concept.asNode());
            in.add(s, SKOS.inScheme.asNode(), SKILL_SCHEME);
            in.labels(s, "en", row.get("preferredLabel"), ReleaseImport.lines(row.get("altLabels")),
                    ReleaseImport.lines(row.getOptional("hiddenLabels")));
            text(s, SKOS.definition.asNode(), row.get("description"), "en");
            text(s, SKOS.scopeNote.asNode(), row.getOptional("scopeNote"), "en");
            String type = row.get("skillType");
            if (type.isEmpty()) {
                in.warn("skills with an empty skill type (kept without a type)", row.line());
            } else if (!SKILL_TYPES.containsKey(type)) {
                in.warn("skills with an unknown skill type (kept without a type)", row.line());
            } else {
                in.add(s, RG.skillType.asNode(), NodeFactory.createURI(SKILL_TYPE + SKILL_TYPES.get(type)));
            }
            String reuse = row.get("reuseLevel");
            if (REUSE_LEVELS.contains(reuse)) {
                in.add(s, RG.reuseLevel.asNode(), NodeFactory.createURI(REUSE_LEVEL + reuse));
            } else if (!reuse.isEmpty()) {
                in.warn("skills with an unknown reuse level (kept without one)", row.line());
            }
        }

        private void skillGroup(DelimitedTable.Row row, String lang) {
            String uri = row.get("conceptUri");
            Node s = NodeFactory.createURI(uri);
            skillGroups.add(uri);
            if (lang.equals("en")) {
                in.add(s, RDF.type.asNode(), SKOS.Concept.asNode());
                in.add(s, SKOS.inScheme.asNode(), SKILL_SCHEME);
                if (!row.getOptional("code").isEmpty()) {
                    in.add(s, SKOS.notation.asNode(), NodeFactory.createLiteralString(row.getOptional("code")));
                }
            }
            in.labels(s, lang, row.get("preferredLabel"), ReleaseImport.lines(row.getOptional("altLabels")),
                    ReleaseImport.lines(row.getOptional("hiddenLabels")));
            text(s, SKOS.definition.asNode(), row.getOptional("description"), lang);
        }

        /** A broader link whose two ends the release has: a concept of {@code narrow}, a concept of either set. */
        private void broader(DelimitedTable.Row row, Set<String> narrow, Set<String> groups, String what) {
            String concept = row.get("conceptUri");
            String broader = row.get("broaderUri");
            boolean knownConcept = narrow.contains(concept) || groups.contains(concept);
            boolean knownBroader = narrow.contains(broader) || groups.contains(broader);
            if (!knownConcept || !knownBroader) {
                in.warn("broader relations naming " + what + " that is not in the release (skipped)", row.line());
                return;
            }
            in.add(NodeFactory.createURI(concept), SKOS.broader.asNode(), NodeFactory.createURI(broader));
        }

        private void relation(DelimitedTable.Row row) {
            String occupation = row.get("occupationUri");
            String skill = row.get("skillUri");
            String type = row.get("relationType");
            if (!occupations.contains(occupation)) {
                in.warn("relations naming an occupation that is not in the release (skipped)", row.line());
                return;
            }
            if (!skills.contains(skill)) {
                in.warn("relations naming a skill that is not in the release (skipped)", row.line());
                return;
            }
            Node property = switch (type) {
                case "essential" -> RG.essentialSkill.asNode();
                case "optional" -> RG.optionalSkill.asNode();
                default -> null;
            };
            if (property == null) {
                in.warn("relations that are neither essential nor optional (skipped)", row.line());
                return;
            }
            Node o = NodeFactory.createURI(occupation);
            Node s = NodeFactory.createURI(skill);
            in.add(o, property, s);
            in.add(o, SchemaOrg.skills.asNode(), s);
        }

        /** Labels for the skill-type and reuse-level concepts the skills point at, so displays show words. */
        private void conceptsOfSkillTypesAndReuseLevels() {
            if (skills.isEmpty()) {
                return;
            }
            SKILL_TYPES.forEach((label, local) -> {
                Node s = NodeFactory.createURI(SKILL_TYPE + local);
                in.add(s, RDF.type.asNode(), SKOS.Concept.asNode());
                in.add(s, SKOS.prefLabel.asNode(), ReleaseImport.english(label));
            });
            for (String level : REUSE_LEVELS) {
                Node s = NodeFactory.createURI(REUSE_LEVEL + level);
                in.add(s, RDF.type.asNode(), SKOS.Concept.asNode());
                in.add(s, SKOS.prefLabel.asNode(), ReleaseImport.english(level));
            }
        }

        private void text(Node s, Node p, String value, String lang) {
            if (!value.isEmpty()) {
                in.add(s, p, NodeFactory.createLiteralLang(value, lang));
            }
        }
    }
}
