package org.rolegraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void theIdSuggestedForAnyTextIsAValidId() {
        assertEquals("growth-pm", Ids.asId("Growth_PM", "x"));
        assertEquals("chef-de-produit", Ids.asId("Chef de Produit", "x"));
        assertEquals("produktmanager-in", Ids.asId("Produktmanager:in", "x"));
        assertEquals("gestionnaire-de-projet", Ids.asId("  Gestionnaire de projét ", "x"));
        assertEquals("growth-product-manager", Ids.asId("growthProductManager", "x"));
        assertEquals("product-manager", Ids.asId("---", "product-manager"));
        assertEquals("product-manager", Ids.asId("产品经理", "product-manager"));
        for (String text : new String[] {"A__B", "-x-", "x--y", "É", "1st line", "Ω"}) {
            String id = Ids.asId(text, "fallback");
            assertTrue(IriScheme.isValidId(id), text + " gave " + id);
        }
    }
}
