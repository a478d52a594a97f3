package org.rolegraph.app.server;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggCustom;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.AggregateRegistry;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Symbol;

/**
 * The SPARQL functions whose one evaluation can outgrow the heap or outlast the timeout, replaced in
 * a query from outside by bounded versions. ARQ checks its timeout (and a cancel) between the
 * solutions it produces, not inside one expression, and the heap watch (QueryGuard) sees a value only
 * once it exists; so a chain of BINDs that doubles a string with CONCAT, a REPLACE that multiplies one,
 * a product of huge integers or a regular expression that backtracks for minutes must be stopped
 * inside the function. Each bounded function checks before it builds (the answer is then a 422 that
 * names the bound) and a pattern is matched over text that checks the query's deadline as it is read
 * (a 503, as for any query over the timeout). The functions give the same values as ARQ's own below
 * the bounds.
 */
final class BoundedExpressions {
    private BoundedExpressions() {}

    /** The longest string a query's expression may build, in characters (1 Mi). */
    static final int MAX_STRING = 1 << 20;

    /** The largest integer a product may give, in bits (64 Ki: some 20,000 decimal digits). */
    static final int MAX_INTEGER_BITS = 1 << 16;

    /**
     * How long one match may run when no deadline is at hand: ARQ folds a function of constants while
     * it plans the query, before the query's context is there.
     */
    static final long UNTIMED_STEP_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    /** The query's deadline (System.nanoTime), set in its execution context by QueryGuard. */
    static final Symbol DEADLINE = Symbol.create("urn:rolegraph:server:deadline");

    private static final String NS = "urn:rolegraph:bounded:";
    private static final String CONCAT = NS + "concat";
    private static final String REPLACE = NS + "replace";
    private static final String REGEX = NS + "regex";
    private static final String ENCODE_FOR_URI = NS + "encode-for-uri";
    private static final String MULTIPLY = NS + "multiply";
    private static final String GROUP_CONCAT = NS + "group-concat";

    static {
        FunctionRegistry registry = FunctionRegistry.get();
        registry.put(CONCAT, Concat.class);
        registry.put(REPLACE, Replace.class);
        registry.put(REGEX, Regex.class);
        registry.put(ENCODE_FOR_URI, EncodeForUri.class);
        registry.put(MULTIPLY, Multiply.class);
        AggregateRegistry.register(GROUP_CONCAT, (aggregate, distinct) -> new GroupConcat(aggregate, distinct),
                NodeValue.makeString("").asNode());
    }

    /** GROUP_CONCAT, stopped as soon as its string passes the bound (ARQ's doubles its buffer without end). */
    private static final class GroupConcat extends AccumulatorExpr {
        private final String separator;
        private final StringBuilder joined = new StringBuilder();
        private boolean first = true;

        GroupConcat(AggCustom aggregate, boolean distinct) {
            super(aggregate.getExprList().get(0), distinct);
            this.separator = aggregate.getExprList().get(1).getConstant().getString();
        }

        @Override
        protected void accumulate(NodeValue value, Binding binding, FunctionEnv env) {
            String text = value.asString();
            if ((long) joined.length() + separator.length() + text.length() > MAX_STRING) {
                throw tooLong("GROUP_CONCAT");
            }
            if (!first) {
                joined.append(separator);
            }
            joined.append(text);
            first = false;
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv env) {}

        @Override
        protected NodeValue getAccValue() {
            return NodeValue.makeString(joined.toString());
        }
    }

    /** The query with every unbounded function (GROUP_CONCAT too) replaced by its bounded version. */
    static Query apply(Query query) {
        Query bounded = boundedFunctions(query);
        // An aggregate is evaluated into its variable, which the projection reads: swapping the
        // aggregator behind the variable leaves the rest of the query as it is.
        List<ExprAggregator> aggregates = bounded.getAggregators();
        for (int i = 0; i < aggregates.size(); i++) {
            ExprAggregator aggregate = aggregates.get(i);
            Aggregator aggregator = aggregate.getAggregator();
            boolean distinct = aggregator instanceof AggGroupConcatDistinct;
            if (aggregator instanceof AggGroupConcat || distinct) {
                String given = distinct ? ((AggGroupConcatDistinct) aggregator).getSeparator()
                        : ((AggGroupConcat) aggregator).getSeparator();
                String separator = given == null ? " " : given;  // SPARQL's default separator
                ExprList args = new ExprList(aggregator.getExprList().get(0));
                args.add(NodeValue.makeString(separator));
                aggregates.set(i, new ExprAggregator(aggregate.getVar(),
                        new AggCustom(GROUP_CONCAT, distinct, args)));
            }
        }
        return bounded;
    }

    private static Query boundedFunctions(Query query) {
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN function, ExprList args) {
                if (function instanceof E_StrConcat) {
                    return new E_Function(CONCAT, args);
                }
                if (function instanceof E_StrReplace) {
                    return new E_Function(REPLACE, args);
                }
                if (function instanceof E_Regex) {
                    return new E_Function(REGEX, args);
                }
                return super.transform(function, args);
            }

            @Override
            public Expr transform(ExprFunction1 function, Expr arg) {
                if (function instanceof E_StrEncodeForURI) {
                    return new E_Function(ENCODE_FOR_URI, new ExprList(arg));
                }
                return super.transform(function, arg);
            }

            @Override
            public Expr transform(ExprFunction2 function, Expr left, Expr right) {
                if (function instanceof E_Multiply) {
                    return new E_Function(MULTIPLY, ExprList.create(List.of(left, right)));
                }
                return super.transform(function, left, right);
            }
        });
    }

    private static QueryDeniedException tooLong(String function) {
        return new QueryDeniedException(String.format(Locale.ROOT, "%s would build a string longer than %,d characters, "
                + "the most a query may build on this server", function, MAX_STRING));
    }

    /** A bounded function: it stands in for a built-in whose arguments the parser has already checked. */
    private abstract static class Bounded extends FunctionBase {
        @Override
        public void checkBuild(String uri, ExprList args) {}
    }

    /** A bounded function that reads the query's deadline from its execution context. */
    private abstract static class WithDeadline extends Bounded {
        @Override
        protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
            Object set = env == null || env.getContext() == null ? null : env.getContext().get(DEADLINE);
            return exec(args, set instanceof Long deadline ? deadline : System.nanoTime() + UNTIMED_STEP_NANOS);
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return exec(args, System.nanoTime() + UNTIMED_STEP_NANOS);
        }

        abstract NodeValue exec(List<NodeValue> args, long deadline);
    }

    /** CONCAT: the lengths are added up before anything is built. */
    public static final class Concat extends Bounded {
        @Override
        public NodeValue exec(List<NodeValue> args) {
            long length = 0;
            for (NodeValue arg : args) {
                length += arg.isString() || arg.isLangString() ? arg.getString().length() : 0;
            }
            if (length > MAX_STRING) {
                throw tooLong("CONCAT");
            }
            return XSDFuncOp.strConcat(args);
        }
    }

    /** ENCODE_FOR_URI: a character becomes at most nine (three UTF-8 bytes, each as %XX). */
    public static final class EncodeForUri extends Bounded {
        @Override
        public NodeValue exec(List<NodeValue> args) {
            NodeValue text = args.get(0);
            if ((text.isString() || text.isLangString()) && (long) text.getString().length() * 9 > MAX_STRING) {
                throw tooLong("ENCODE_FOR_URI");
            }
            return XSDFuncOp.strEncodeForURI(text);
        }
    }

    /** Multiplication: two integers whose product would pass the bound are refused. */
    public static final class Multiply extends Bounded {
        @Override
        public NodeValue exec(List<NodeValue> args) {
            NodeValue left = args.get(0);
            NodeValue right = args.get(1);
            if (left.isInteger() && right.isInteger()) {
                BigInteger a = left.getInteger();
                BigInteger b = right.getInteger();
                if ((long) a.bitLength() + b.bitLength() > MAX_INTEGER_BITS) {
                    throw new QueryDeniedException(String.format(Locale.ROOT, "a product would be an integer over %,d bits, "
                            + "the most a query may build on this server", MAX_INTEGER_BITS));
                }
            }
            return XSDFuncOp.numMultiply(left, right);
        }
    }

    /** REGEX over text that checks the query's deadline as the matcher reads it. */
    public static final class Regex extends WithDeadline {
        @Override
        NodeValue exec(List<NodeValue> args, long deadline) {
            String text = text(args.get(0), "REGEX");
            Pattern pattern = pattern(args.get(1), args.size() == 3 ? args.get(2) : null);
            return NodeValue.makeBoolean(pattern.matcher(new DeadlineText(text, deadline)).find());
        }
    }

    /**
     * REPLACE, built match by match and stopped as soon as the result passes the bound. One
     * replacement can add at most the text once per group reference ($n) plus its own length, which
     * is checked first (a pattern that matches the empty string is an error, as in XPath).
     */
    public static final class Replace extends WithDeadline {
        @Override
        NodeValue exec(List<NodeValue> args, long deadline) {
            NodeValue input = args.get(0);
            String text = text(input, "REPLACE");
            Pattern pattern = pattern(args.get(1), args.size() == 4 ? args.get(3) : null);
            String replacement = text(args.get(2), "REPLACE");
            long references = replacement.chars().filter(c -> c == '$').count();
            if (references * text.length() + replacement.length() > MAX_STRING) {
                throw tooLong("REPLACE");
            }
            if (pattern.matcher("").matches()) {
                throw new ExprEvalException("REPLACE: the pattern matches the empty string");
            }
            StringBuilder replaced = new StringBuilder();
            try {
                Matcher matcher = pattern.matcher(new DeadlineText(text, deadline));
                while (matcher.find()) {
                    matcher.appendReplacement(replaced, replacement);
                    if (replaced.length() > MAX_STRING) {
                        throw tooLong("REPLACE");
                    }
                }
                matcher.appendTail(replaced);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ExprEvalException("REPLACE: " + e.getMessage());
            }
            if (replaced.length() > MAX_STRING) {
                throw tooLong("REPLACE");
            }
            String result = replaced.toString();
            return input.isLangString() ? NodeValue.makeLangString(result, input.getLang()) : NodeValue.makeString(result);
        }
    }

    private static String text(NodeValue value, String function) {
        if (!value.isString() && !value.isLangString()) {
            throw new ExprEvalException(function + ": not a string: " + value);
        }
        return value.getString();
    }

    /** A pattern with XPath's flags (s, m, i, x, q), as ARQ's own REGEX reads them. */
    private static Pattern pattern(NodeValue pattern, NodeValue flags) {
        int java = 0;
        String given = flags == null ? "" : text(flags, "REGEX");
        for (char flag : given.toCharArray()) {
            java |= switch (flag) {
                case 's' -> Pattern.DOTALL;
                case 'm' -> Pattern.MULTILINE;
                case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'x' -> Pattern.COMMENTS;
                case 'q' -> Pattern.LITERAL;
                default -> throw new ExprEvalException("REGEX: unknown flag '" + flag + "'");
            };
        }
        try {
            return Pattern.compile(text(pattern, "REGEX"), java);
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException("REGEX: bad pattern: " + e.getDescription());
        }
    }

    /**
     * Text whose characters, read by a matcher, check the deadline now and then: a pattern that
     * backtracks without end stops at the query's timeout like the rest of the query.
     */
    private static final class DeadlineText implements CharSequence {
        private final CharSequence text;
        private final long deadline;
        private int reads;

        DeadlineText(CharSequence text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFFF) == 0 && System.nanoTime() - deadline > 0) {
                throw new QueryCancelledException();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new DeadlineText(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
