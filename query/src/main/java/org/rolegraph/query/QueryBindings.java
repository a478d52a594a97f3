package org.rolegraph.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.rolegraph.model.IriScheme;

/**
 * Binds values to a query's variables in its syntax tree: one value is substituted for the variable
 * throughout (subqueries included); several become a VALUES block at the start of the pattern. No
 * value ever becomes query text, so none can change what the query does.
 */
public final class QueryBindings {
    private QueryBindings() {}

    /** Substitutes single values for variables throughout the query. */
    public static Query substitute(Query query, Map<String, Node> values) {
        if (values.isEmpty()) {
            return query;
        }
        Map<Var, Node> map = new HashMap<>();
        values.forEach((name, node) -> map.put(Var.alloc(name), node));
        return QueryTransformOps.replaceVars(query, map);
    }

    /**
     * Binds {@code variable} to several values with a VALUES block placed first in the query's
     * pattern, so it applies before any grouping (a trailing VALUES would apply after it); in a query
     * whose pattern is one subquery that does not return the variable, first in the subquery's.
     */
    public static Query withValues(Query query, String variable, List<Node> values) {
        return bindAll(query, variable, values, false);
    }

    /**
     * Binds {@code variable} to each of {@code values} as alternatives, a UNION of BINDs, where
     * {@link #withValues} puts a VALUES block: the same solutions. Virtuoso 7.2 never finishes the
     * search query once the store holds a few more roles when its words come as a VALUES block, and
     * answers in a tenth of a second when they come as alternatives.
     */
    public static Query withAlternatives(Query query, String variable, List<Node> values) {
        return bindAll(query, variable, values, true);
    }

    private static Query bindAll(Query query, String variable, List<Node> values, boolean alternatives) {
        Query copy = query.cloneQuery();
        Var var = Var.alloc(variable);
        if (copy.getQueryPattern() instanceof ElementGroup outer && outer.size() == 1
                && outer.get(0) instanceof org.apache.jena.sparql.syntax.ElementSubQuery sub
                && !sub.getQuery().getProjectVars().contains(var)) {
            // A query that is one subquery (to order by its aggregates, which Virtuoso needs) sees the
            // variable only inside it: the block goes there.
            ElementGroup group = new ElementGroup();
            group.addElement(new org.apache.jena.sparql.syntax.ElementSubQuery(bindAll(sub.getQuery(), variable, values,
                    alternatives)));
            copy.setQueryPattern(group);
            return copy;
        }
        ElementGroup group = new ElementGroup();
        if (alternatives) {
            org.apache.jena.sparql.syntax.ElementUnion union = new org.apache.jena.sparql.syntax.ElementUnion();
            for (Node value : values) {
                ElementGroup one = new ElementGroup();
                one.addElement(new org.apache.jena.sparql.syntax.ElementBind(var, org.apache.jena.sparql.expr.NodeValue.makeNode(value)));
                union.addElement(one);
            }
            group.addElement(union);
        } else {
            List<Binding> rows = new ArrayList<>(values.size());
            for (Node value : values) {
                rows.add(BindingFactory.binding(var, value));
            }
            group.addElement(new ElementData(List.of(var), rows));
        }
        if (copy.getQueryPattern() instanceof ElementGroup pattern) {
            pattern.getElements().forEach(group::addElement);
        } else {
            group.addElement(copy.getQueryPattern());
        }
        copy.setQueryPattern(group);
        return copy;
    }

    /**
     * Binds named text values (as a user types them) by the parameters the query declares: a value
     * becomes an RDF term of the declared kind; a parameter declared with "..." or given more than
     * once becomes a VALUES block. Undeclared names are refused when the query declares any.
     *
     * @throws IllegalArgumentException naming the parameter and what is wrong with its value
     */
    public static Query bind(Query query, List<QueryParameter> declared, Map<String, List<String>> values,
            IriScheme iris) {
        Query bound = query;
        Map<String, Node> single = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String name = entry.getKey();
            QueryParameter parameter = declared.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            if (parameter == null && !declared.isEmpty()) {
                throw new IllegalArgumentException("parameter '" + name + "': this query takes "
                        + String.join(", ", declared.stream().map(QueryParameter::name).toList()));
            }
            QueryParameter.Kind kind = parameter == null ? QueryParameter.Kind.TERM : parameter.kind();
            List<Node> nodes = entry.getValue().stream().map(v -> kind.toNode(name, v, iris)).toList();
            if (nodes.size() > 1 || (parameter != null && parameter.many())) {
                bound = parameter != null && parameter.alternatives() ? withAlternatives(bound, name, nodes)
                        : withValues(bound, name, nodes);
            } else if (nodes.size() == 1) {
                single.put(name, nodes.get(0));
            }
        }
        return substitute(bound, single);
    }
}
