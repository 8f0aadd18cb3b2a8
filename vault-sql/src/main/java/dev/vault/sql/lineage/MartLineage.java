package dev.vault.sql.lineage;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.Mart;
import dev.vault.sql.lineage.ColumnLineage.ColumnRef;
import io.trino.sql.ExpressionFormatter;
import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.AliasedRelation;
import io.trino.sql.tree.AllColumns;
import io.trino.sql.tree.DataType;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Join;
import io.trino.sql.tree.Node;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.QueryBody;
import io.trino.sql.tree.QuerySpecification;
import io.trino.sql.tree.Relation;
import io.trino.sql.tree.SelectItem;
import io.trino.sql.tree.SetOperation;
import io.trino.sql.tree.SingleColumn;
import io.trino.sql.tree.SubqueryExpression;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.TableSubquery;
import io.trino.sql.tree.Values;
import io.trino.sql.tree.WithQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import static java.util.Objects.requireNonNull;

/**
 * The lineage of a mart's columns, read from its query with Trino's own SQL parser: each output
 * column with the columns of the models it reads that its expression names. Names resolve the way
 * Trino resolves them, through table aliases, CTEs, subqueries in FROM, joins and set operations;
 * a query shape the reading cannot follow (UNNEST, a lateral join, a table that is not a model)
 * leaves the mart untraced, with the reason, rather than guessed.
 */
final class MartLineage
{
    /** The name under which a readable table's unlisted columns resolve (a table vault writes that is not a model). */
    static final String ANY_COLUMN = "*";

    private static final SqlParser PARSER = new SqlParser();

    record Output(String name, String how, ImmutableList<ColumnRef> inputs) {}

    record Result(ImmutableList<Output> columns, Optional<String> untraced) {}

    /** A relation in scope: its columns in order, each with the columns it is computed from. */
    private record Scope(LinkedHashMap<String, Output> columns, Optional<ColumnRef> any)
    {
        Optional<ImmutableList<ColumnRef>> column(String name)
        {
            Output output = columns.get(name);
            if (output != null) {
                return Optional.of(output.inputs());
            }
            return any.map(table -> ImmutableList.of(new ColumnRef(table.model(), name)));
        }
    }

    private static final class Untraceable
            extends RuntimeException
    {
        Untraceable(String message)
        {
            super(message, null, false, false);
        }
    }

    private final Map<String, Map<String, ColumnRef>> readable;

    private MartLineage(Map<String, Map<String, ColumnRef>> readable)
    {
        this.readable = requireNonNull(readable, "readable is null");
    }

    /**
     * @param sql a mart's query with its {@code {{ ref('...') }}} calls
     * @param readable per {@code ref()} name, the columns it has as lineage columns; {@link #ANY_COLUMN} for a table whose columns are not listed
     */
    static Result trace(String sql, Map<String, Map<String, ColumnRef>> readable)
    {
        Matcher refs = Mart.REF.matcher(sql);
        // a ref() becomes the bare, quoted model name: the parser reads it as a table
        String parsable = refs.replaceAll(match -> Matcher.quoteReplacement("\"" + match.group(1) + "\""));
        try {
            if (!(PARSER.createStatement(parsable) instanceof Query query)) {
                return new Result(ImmutableList.of(), Optional.of("the mart's SQL is not a query"));
            }
            Scope scope = new MartLineage(readable).query(query, Map.of());
            return new Result(ImmutableList.copyOf(scope.columns().values()), Optional.empty());
        }
        catch (ParsingException e) {
            return new Result(ImmutableList.of(), Optional.of("Trino's parser cannot read the query: " + e.getMessage()));
        }
        catch (Untraceable e) {
            return new Result(ImmutableList.of(), Optional.of(e.getMessage()));
        }
    }

    private Scope query(Query query, Map<String, Scope> outerCtes)
    {
        Map<String, Scope> ctes = new LinkedHashMap<>(outerCtes);
        if (query.getWith().isPresent()) {
            if (query.getWith().get().isRecursive()) {
                throw new Untraceable("a recursive WITH is not traced");
            }
            for (WithQuery with : query.getWith().get().getQueries()) {
                Scope scope = query(with.getQuery(), ctes);
                ctes.put(name(with.getName()), with.getColumnNames().map(names -> renamed(scope, names)).orElse(scope));
            }
        }
        return body(query.getQueryBody(), ctes);
    }

    private Scope body(QueryBody body, Map<String, Scope> ctes)
    {
        return switch (body) {
            case QuerySpecification specification -> specification(specification, ctes);
            case TableSubquery subquery -> query(subquery.getQuery(), ctes);
            case Table table -> table(table, ctes);
            case SetOperation operation -> setOperation(operation, ctes);
            case Values ignored -> throw new Untraceable("a VALUES list has no lineage to trace");
            default -> throw new Untraceable("a query part of type " + body.getClass().getSimpleName() + " is not traced");
        };
    }

    private Scope setOperation(SetOperation operation, Map<String, Scope> ctes)
    {
        // a UNION's columns are named by its first query; each takes the inputs of every branch's column in that position
        List<Scope> branches = new ArrayList<>();
        for (Relation relation : operation.getRelations()) {
            if (!(relation instanceof QueryBody branch)) {
                throw new Untraceable("a set operation over " + relation.getClass().getSimpleName() + " is not traced");
            }
            branches.add(body(branch, ctes));
        }
        List<Output> first = List.copyOf(branches.getFirst().columns().values());
        LinkedHashMap<String, Output> columns = new LinkedHashMap<>();
        for (int i = 0; i < first.size(); i++) {
            Set<ColumnRef> inputs = new LinkedHashSet<>();
            Set<String> hows = new LinkedHashSet<>();
            for (Scope branch : branches) {
                List<Output> outputs = List.copyOf(branch.columns().values());
                if (i < outputs.size()) {
                    inputs.addAll(outputs.get(i).inputs());
                    hows.add(outputs.get(i).how());
                }
            }
            String how = hows.size() == 1 ? hows.iterator().next() : "one of: " + String.join("; ", hows);
            columns.put(first.get(i).name(), new Output(first.get(i).name(), how, ImmutableList.copyOf(inputs)));
        }
        return new Scope(columns, Optional.empty());
    }

    private Scope specification(QuerySpecification specification, Map<String, Scope> ctes)
    {
        Map<String, Scope> from = new LinkedHashMap<>();
        specification.getFrom().ifPresent(relation -> relation(relation, ctes, from));
        LinkedHashMap<String, Output> columns = new LinkedHashMap<>();
        int position = 0;
        for (SelectItem item : specification.getSelect().getSelectItems()) {
            position++;
            switch (item) {
                case AllColumns all -> {
                    for (Scope scope : allColumnsOf(all, from)) {
                        scope.columns().values().forEach(column -> columns.put(column.name(), new Output(column.name(), column.how(), column.inputs())));
                    }
                }
                case SingleColumn single -> {
                    Expression expression = single.getExpression();
                    String name = single.getAlias().map(MartLineage::name).orElseGet(() -> switch (expression) {
                        case Identifier identifier -> name(identifier);
                        case DereferenceExpression dereference when dereference.getField().isPresent() -> name(dereference.getField().get());
                        default -> "_col" + (columns.size());
                    });
                    Set<ColumnRef> inputs = new LinkedHashSet<>();
                    references(expression, from, inputs);
                    boolean columnReference = expression instanceof Identifier || expression instanceof DereferenceExpression;
                    String how = copied(expression, from).map(Output::how)
                            .orElseGet(() -> columnReference ? "copied" : "expression: " + ExpressionFormatter.formatExpression(expression));
                    columns.put(name, new Output(name, how, ImmutableList.copyOf(inputs)));
                }
                default -> throw new Untraceable("select item " + position + " is not traced");
            }
        }
        return new Scope(columns, Optional.empty());
    }

    /** The column a bare column reference copies, with what it holds there (a CTE's expression, a table's column). */
    private static Optional<Output> copied(Expression expression, Map<String, Scope> from)
    {
        if (expression instanceof DereferenceExpression dereference && dereference.getBase() instanceof Identifier base && dereference.getField().isPresent()
                && from.containsKey(name(base))) {
            return Optional.ofNullable(from.get(name(base)).columns().get(name(dereference.getField().get())));
        }
        if (expression instanceof Identifier identifier) {
            List<Output> found = from.values().stream().map(scope -> scope.columns().get(name(identifier))).filter(Objects::nonNull).toList();
            return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
        }
        return Optional.empty();
    }

    private static List<Scope> allColumnsOf(AllColumns all, Map<String, Scope> from)
    {
        if (all.getTarget().isEmpty()) {
            return List.copyOf(from.values());
        }
        if (all.getTarget().get() instanceof Identifier alias && from.containsKey(name(alias))) {
            return List.of(from.get(name(alias)));
        }
        throw new Untraceable("SELECT " + ExpressionFormatter.formatExpression(all.getTarget().get()) + ".* does not name a relation of the FROM clause");
    }

    private void relation(Relation relation, Map<String, Scope> ctes, Map<String, Scope> from)
    {
        switch (relation) {
            case Table table -> from.put(name(table.getName().getOriginalParts().getLast()), table(table, ctes));
            case AliasedRelation aliased -> {
                Map<String, Scope> inner = new LinkedHashMap<>();
                relation(aliased.getRelation(), ctes, inner);
                if (inner.size() != 1) {
                    throw new Untraceable("an aliased join is not traced");
                }
                Scope scope = inner.values().iterator().next();
                from.put(name(aliased.getAlias()), aliased.getColumnNames() == null || aliased.getColumnNames().isEmpty() ? scope : renamed(scope, aliased.getColumnNames()));
            }
            case Join join -> {
                relation(join.getLeft(), ctes, from);
                relation(join.getRight(), ctes, from);
            }
            case TableSubquery subquery -> from.put("_subquery" + from.size(), query(subquery.getQuery(), ctes));
            default -> throw new Untraceable("a FROM item of type " + relation.getClass().getSimpleName() + " is not traced");
        }
    }

    private Scope table(Table table, Map<String, Scope> ctes)
    {
        List<String> parts = table.getName().getOriginalParts().stream().map(MartLineage::name).toList();
        if (parts.size() == 1 && ctes.containsKey(parts.getFirst())) {
            return ctes.get(parts.getFirst());
        }
        Map<String, ColumnRef> columns = parts.size() == 1 ? readable.get(parts.getFirst()) : null;
        if (columns == null) {
            throw new Untraceable("table " + String.join(".", parts) + " is not a model the mart reads with ref()");
        }
        LinkedHashMap<String, Output> outputs = new LinkedHashMap<>();
        Optional<ColumnRef> any = Optional.empty();
        for (Map.Entry<String, ColumnRef> column : columns.entrySet()) {
            if (column.getKey().equals(ANY_COLUMN)) {
                any = Optional.of(column.getValue());
            }
            else {
                outputs.put(column.getKey(), new Output(column.getKey(), "copied", ImmutableList.of(column.getValue())));
            }
        }
        return new Scope(outputs, any);
    }

    private static Scope renamed(Scope scope, List<Identifier> names)
    {
        List<Output> outputs = List.copyOf(scope.columns().values());
        LinkedHashMap<String, Output> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size() && i < outputs.size(); i++) {
            String name = name(names.get(i));
            columns.put(name, new Output(name, outputs.get(i).how(), outputs.get(i).inputs()));
        }
        return new Scope(columns, Optional.empty());
    }

    /**
     * The columns of the FROM clause an expression names: {@code alias.column} through its alias, a
     * bare name in whichever relation has it (all of them for a USING column). Names that resolve
     * nowhere (lambda arguments, row fields) name no input. Types and subqueries are not entered.
     */
    private static void references(Node node, Map<String, Scope> from, Set<ColumnRef> inputs)
    {
        switch (node) {
            case DataType ignored -> { }
            case SubqueryExpression ignored -> { }
            case DereferenceExpression dereference when dereference.getBase() instanceof Identifier base && dereference.getField().isPresent()
                    && from.containsKey(name(base)) ->
                    from.get(name(base)).column(name(dereference.getField().get())).ifPresent(inputs::addAll);
            case Identifier identifier -> {
                for (Scope scope : from.values()) {
                    scope.column(name(identifier)).filter(found -> scope.columns().containsKey(name(identifier)) || from.size() == 1).ifPresent(inputs::addAll);
                }
            }
            default -> node.getChildren().forEach(child -> references(child, from, inputs));
        }
    }

    private static String name(Identifier identifier)
    {
        return identifier.isDelimited() ? identifier.getValue() : identifier.getValue().toLowerCase(Locale.ROOT);
    }
}
