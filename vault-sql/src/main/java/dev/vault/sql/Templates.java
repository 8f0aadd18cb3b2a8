package dev.vault.sql;

import com.google.common.collect.ImmutableMap;
import dev.vault.core.ErrorCode;
import dev.vault.core.VaultException;
import dev.vault.core.model.TableName;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Renders the FreeMarker templates under {@code templates/<dialect>/}. Templates receive maps,
 * lists and records (a record's components read as properties: {@code column.name}), and write
 * model text into SQL only through {@code q()} (identifiers),
 * {@code table()} (qualified names) and {@code lit()} (string literals).
 */
public final class Templates
{
    private final Configuration configuration;

    public Templates(String dialect)
    {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassForTemplateLoading(Templates.class, "/dev/vault/sql/templates/" + dialect);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNumberFormat("computer");
        configuration.setWhitespaceStripping(true);
        configuration.setSharedVariable("q", method(arguments -> SqlText.identifier(string(arguments, 0))));
        configuration.setSharedVariable("qi", method(arguments -> SqlText.internalIdentifier(string(arguments, 0))));
        configuration.setSharedVariable("lit", method(arguments -> SqlText.literal(string(arguments, 0))));
        configuration.setSharedVariable("comment", method(arguments -> SqlText.comment(string(arguments, 0))));
        configuration.setSharedVariable("table", method(arguments -> {
            Object value = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0));
            if (value instanceof TableName name) {
                return SqlText.table(name);
            }
            throw new TemplateModelException("table() takes a TableName, got " + value);
        }));
    }

    public String render(String template, Map<String, Object> model)
    {
        try {
            Template loaded = configuration.getTemplate(template);
            StringWriter out = new StringWriter();
            loaded.process(ImmutableMap.copyOf(model), out);
            return tidy(out.toString());
        }
        catch (IOException | TemplateException e) {
            throw new VaultException(ErrorCode.INTERNAL, "cannot render SQL template " + template + ": " + e.getMessage(), e);
        }
    }

    /** Drops trailing spaces and blank lines at the ends, so output is stable for golden files. */
    private static String tidy(String sql)
    {
        return sql.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").strip() + "\n";
    }

    private interface Function
    {
        String apply(List<?> arguments)
                throws TemplateModelException;
    }

    private static TemplateMethodModelEx method(Function function)
    {
        return arguments -> function.apply(arguments);
    }

    private static String string(List<?> arguments, int index)
            throws TemplateModelException
    {
        Object value = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(index));
        if (value instanceof String text) {
            return text;
        }
        throw new TemplateModelException("expected a string argument, got " + value);
    }
}
