package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Any role by any name, on one store holding the curated data and the excerpts of ESCO v1.1.1 and
 * v1.2.0 and O*NET 29.3: ids, codes, preferred, alternative and Dutch labels in any case; a preferred
 * label beats an alternative one; a curated role beats the occupation it is an exact match of; what
 * stays ambiguous is listed with where each candidate comes from. Which names collide was worked out
 * from the fixture files and the curated YAML, not from RoleGraph's output.
 */
class RoleLookupTest {

    private static Path store;

    @BeforeAll
    static void importEverything() throws Exception {
        store = Files.createTempDirectory("rolegraph-lookup").resolve("store");
        Path fixtures = ImportCommandTest.FIXTURES;
        for (String[] args : new String[][] {
                {"ingest", "-q", "--store", store.toString(), Path.of("..", "data").toString()},
                {"import", "esco", "-q", fixtures.resolve("esco-1.1.1").toString(), "--store", store.toString()},
                {"import", "esco", "-q", fixtures.resolve("esco-1.2.0").toString(), "--store", store.toString()},
                {"import", "onet", "-q", fixtures.resolve("onet-29.3").toString(), "--store", store.toString()}}) {
            Cli cli = Cli.run(args);
            assertEquals(0, cli.exitCode(), String.join(" ", args) + ": " + cli.err());
        }
    }

    @AfterAll
    static void deleteStore() throws Exception {
        try (var files = Files.walk(store.getParent())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            delivery-manager                              | Delivery manager (delivery-manager)
            DELIVERY MANAGER                              | Delivery manager (delivery-manager)
            esco:8b6388a4-4904-471b-9331-d3b1211f5525     | ICT project manager (esco:8b6388a4-4904-471b-9331-d3b1211f5525)
            1330.7                                        | ICT project manager (esco:8b6388a4-4904-471b-9331-d3b1211f5525)
            ict   Project MANAGER                         | ICT project manager (esco:8b6388a4-4904-471b-9331-d3b1211f5525)
            web projects manager                          | ICT project manager (esco:8b6388a4-4904-471b-9331-d3b1211f5525)
            ICT-projectmanager                            | ICT project manager (esco:8b6388a4-4904-471b-9331-d3b1211f5525)
            onet:15-1299.09                               | Information Technology Project Managers (onet:15-1299.09)
            15-1299.09                                    | Information Technology Project Managers (onet:15-1299.09)
            Cybersecurity Scrum Master                    | Information Technology Project Managers (onet:15-1299.09)
            marketing manager                             | Marketing manager (marketing-manager)
            hoofd marketing                               | chief marketing officer (esco:0ddbf393-38f1-4c22-b14c-fe775008f321)
            program manager                               | Program manager (program-manager)
            product manager                               | Product manager (product-manager)
            CPO                                           | Chief product officer (chief-product-officer)
            """)
    void describeFindsTheRole(String name, String firstLine) {
        Cli cli = Cli.run("describe", "--store", store.toString(), name);
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(firstLine, cli.out().lines().findFirst().orElse(""));
    }

    @Test
    void aNameTwoTaxonomiesGiveEquallyIsListedWithWhereEachComesFromNotGuessed() {
        Cli cli = Cli.run("describe", "--store", store.toString(), "Scrum Master");
        assertEquals(1, cli.exitCode());
        assertEquals("""
                rolegraph: 'Scrum Master' is the alternative label of 2 roles; name one by its id:
                  esco:8b6388a4-4904-471b-9331-d3b1211f5525  ICT project manager (ESCO classification v1.1.1, ESCO classification v1.2.0)
                  onet:15-1299.09  Information Technology Project Managers (O*NET 29.3 Database)
                """, cli.err());
        Cli byId = Cli.run("describe", "--store", store.toString(), "onet:15-1299.09");
        assertEquals(0, byId.exitCode(), byId.err());
    }

    @Test
    void compareSimilarAndChainTakeNamesToo() {
        Cli compare = Cli.run("compare", "--store", store.toString(), "product-manager", "ICT product manager", "--format", "csv");
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(compare.out().contains("esco:a79170ad-0b7b-4697-864f-1748359aa10a"), compare.out());
        Cli chain = Cli.run("chain", "--store", store.toString(), "Product Director");
        assertEquals(0, chain.exitCode(), chain.err());
        assertTrue(chain.out().startsWith("Group product manager (group-product-manager)"), chain.out());
    }

    @Test
    void anUnknownNameNamesTheClosestIds() {
        Cli cli = Cli.run("describe", "--store", store.toString(), "delivery-manger");
        assertEquals(1, cli.exitCode());
        assertEquals("rolegraph: unknown role 'delivery-manger'; closest ids: delivery-manager, service-manager\n", cli.err());
    }

    @Test
    void aCuratedRoleShowsWhatItsLinkedOccupationBringsCreditedToTheTaxonomy() {
        Cli cli = Cli.run("describe", "--store", store.toString(), "product-manager");
        assertEquals(0, cli.exitCode(), cli.err());
        java.util.List<String> lines = cli.out().lines().toList();
        int from = lines.indexOf("From product manager (esco:9f508305-80ce-4111-8722-f2c9b4a44890), the same occupation in a taxonomy");
        assertTrue(from > 0, cli.out());
        String esco111 = lines.stream().filter(l -> l.contains("<https://w3id.org/rolegraph/source/esco-1.1.1>")).findFirst().orElseThrow();
        String mark = esco111.substring(esco111.indexOf('['), esco111.indexOf(']') + 1);
        // 55 skills in the excerpt's relation rows; the first in label order is this one, from v1.1.1 only.
        assertTrue(lines.contains("    - advise on communication strategies " + mark), cli.out());
        int skills = lines.indexOf("  Skills");
        assertTrue(skills > from);
        long listed = lines.subList(skills + 1, lines.size()).stream().takeWhile(l -> l.startsWith("    - ")).count();
        assertEquals(55, listed);
        assertTrue(lines.subList(from, skills).contains("    - sports product engineer " + mark.substring(0, mark.length() - 1)
                + "][" + lines.stream().filter(l -> l.contains("<https://w3id.org/rolegraph/source/esco-1.2.0>")).findFirst()
                        .map(l -> l.substring(l.indexOf('[') + 1, l.indexOf(']'))).orElseThrow() + "]"),
                "an alternative label both releases give cites both: " + cli.out());
    }

    @Test
    void compareShowsTheLinkedOccupationsOfEachRoleCreditedToTheirRelease() throws Exception {
        Cli cli = Cli.run("compare", "--store", store.toString(), "product-manager", "delivery-manager", "--format", "json");
        assertEquals(0, cli.exitCode(), cli.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli.out());
        var linked = json.get("linked").get("product-manager");
        assertEquals(1, linked.size(), linked.toString());
        assertEquals("esco:9f508305-80ce-4111-8722-f2c9b4a44890", linked.get(0).get("id").asText());
        assertEquals("exact", linked.get(0).get("match").asText());
        // The excerpt relates 55 skills to ESCO's product manager (fixtures/README.md).
        assertEquals(55, linked.get(0).get("Skills").size());
        assertEquals(0, json.get("linked").get("delivery-manager").size(), "delivery manager links to no occupation");
        Cli text = Cli.run("compare", "--store", store.toString(), "product-manager", "delivery-manager");
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("Linked occupations | - product manager")), text.out());
    }
}
