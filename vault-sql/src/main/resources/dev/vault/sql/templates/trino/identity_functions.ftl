<#import "identity.ftl" as identity>
-- vault identity functions: the SQL twin of vault's IdentityHasher, callable in plain SQL
CREATE OR REPLACE FUNCTION ${q(catalog)}.${q(schema)}.${q(function)}(<#list parameters as parameter>${q(parameter)} varchar<#sep>, </#list>)
RETURNS varchar
DETERMINISTIC
RETURN ${body}
