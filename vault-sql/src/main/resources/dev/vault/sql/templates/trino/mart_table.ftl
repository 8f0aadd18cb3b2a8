<#import "lib.ftl" as lib>
<@lib.header model=model purpose=[
    "Rebuilds the table from the query in one atomic replace, only when the query or an input",
    "table changed since the last build (the fingerprint in the table comment says which)."]/>
CREATE OR REPLACE TABLE ${table(target)}
COMMENT ${lit(tableComment)}
<@lib.icebergProperties partitioning=[] sortedBy=[]/>
AS
${query}
