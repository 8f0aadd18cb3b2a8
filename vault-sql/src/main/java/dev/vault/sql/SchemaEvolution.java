package dev.vault.sql;

import com.google.common.collect.ImmutableList;
import dev.vault.core.model.TableName;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * How an existing vault table follows its model: history is never rewritten, so only changes
 * that keep every existing row valid are made, with Iceberg's own rules deciding what a type may
 * become ({@link TypeUtil#isPromotionAllowed}: int to bigint, real to double, a wider decimal).
 * <ul>
 * <li>a new payload column is added (ALTER TABLE ADD COLUMN); existing rows read it as null, and
 *     since hashdiffs skip null columns, their hashdiffs stay what they were;</li>
 * <li>a widened type is promoted in place (ALTER COLUMN SET DATA TYPE);</li>
 * <li>a payload column left out of the model stays in the table, null in new rows;</li>
 * <li>anything else is refused with the reason: a narrowed or changed type (existing values may
 *     not fit), a new or retyped key column (existing rows have no value for it).</li>
 * </ul>
 */
public final class SchemaEvolution
{
    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

    /** What evolving one table takes: the statements to run and what is left as is. */
    public record Plan(ImmutableList<String> statements, ImmutableList<String> changes, ImmutableList<String> notes)
    {
        public Plan
        {
            requireNonNull(statements, "statements is null");
            requireNonNull(changes, "changes is null");
            requireNonNull(notes, "notes is null");
        }

        public boolean isEmpty()
        {
            return statements.isEmpty();
        }
    }

    /** A change the table cannot take without rewriting history. */
    public static final class IncompatibleChangeException
            extends RuntimeException
    {
        public IncompatibleChangeException(String message)
        {
            super(message);
        }
    }

    private SchemaEvolution() {}

    /**
     * @param existing the table's columns and their Trino types, in table order
     * @throws IncompatibleChangeException naming every change that is refused and why
     */
    public static Plan plan(String model, TableName table, Map<String, String> existing, TableDefinition desired)
    {
        Map<String, String> current = new LinkedHashMap<>();
        existing.forEach((name, type) -> current.put(name.toLowerCase(Locale.ROOT), normalize(type)));
        ImmutableList.Builder<String> statements = ImmutableList.builder();
        ImmutableList.Builder<String> changes = ImmutableList.builder();
        ImmutableList.Builder<String> notes = ImmutableList.builder();
        List<String> refused = new ArrayList<>();
        for (TableDefinition.TableColumn column : desired.columns()) {
            String want = normalize(column.type());
            String have = current.get(column.name());
            if (have == null) {
                if (column.key()) {
                    refused.add("'%s' is a new key column (%s): the table's existing rows have no value for it".formatted(column.name(), column.type()));
                    continue;
                }
                statements.add("ALTER TABLE %s ADD COLUMN %s %s%s".formatted(SqlText.table(table), SqlText.identifier(column.name()), column.type(),
                        column.comment().isEmpty() ? "" : " COMMENT " + SqlText.literal(column.comment())));
                changes.add("added column %s %s".formatted(column.name(), column.type()));
                continue;
            }
            if (have.equals(want)) {
                continue;
            }
            Optional<Type> from = icebergType(have);
            Optional<Type> to = icebergType(want);
            if (from.isPresent() && to.isPresent() && from.get().isPrimitiveType() && TypeUtil.isPromotionAllowed(from.get(), to.get().asPrimitiveType())) {
                if (column.key()) {
                    refused.add("'%s' is a key column: its type cannot change (%s to %s) without changing its hash keys".formatted(column.name(), have, want));
                    continue;
                }
                statements.add("ALTER TABLE %s ALTER COLUMN %s SET DATA TYPE %s".formatted(SqlText.table(table), SqlText.identifier(column.name()), column.type()));
                changes.add("widened column %s from %s to %s".formatted(column.name(), have, want));
                continue;
            }
            refused.add("column '%s' is %s in the table and %s in the model; Iceberg can only widen a type in place (integer to bigint, real to double, a decimal's precision), "
                    .formatted(column.name(), have, want) + "so existing values may not fit: keep the type, or add a new column with the new type and stop filling the old one");
        }
        for (String column : current.keySet()) {
            if (desired.column(column).isEmpty()) {
                notes.add("column %s is no longer in the model; it stays in the table for the history it holds, null in new rows".formatted(column));
            }
        }
        if (!refused.isEmpty()) {
            throw new IncompatibleChangeException("%s %s cannot follow the model without rewriting its history: %s".formatted(model, table, String.join("; ", refused)));
        }
        return new Plan(statements.build(), changes.build(), notes.build());
    }

    /** The Iceberg type Trino's Iceberg connector stores a Trino type as, when vault knows it. */
    static Optional<Type> icebergType(String trinoType)
    {
        String type = normalize(trinoType);
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return Optional.of(Types.DecimalType.of(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2))));
        }
        if (type.startsWith("varchar")) {
            return Optional.of(Types.StringType.get());
        }
        return Optional.ofNullable(switch (type) {
            case "boolean" -> Types.BooleanType.get();
            case "integer" -> Types.IntegerType.get();
            case "bigint" -> Types.LongType.get();
            case "real" -> Types.FloatType.get();
            case "double" -> Types.DoubleType.get();
            case "date" -> Types.DateType.get();
            case "timestamp(6)" -> Types.TimestampType.withoutZone();
            case "timestamp(6) with time zone" -> Types.TimestampType.withZone();
            case "uuid" -> Types.UUIDType.get();
            case "varbinary" -> Types.BinaryType.get();
            default -> null;
        });
    }

    private static String normalize(String type)
    {
        String normalized = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*,\\s*", ",");
        // Iceberg stores varchar(n) as an unbounded string, and Trino reports it back as varchar
        return normalized.startsWith("varchar") ? "varchar" : normalized;
    }
}
