<#import "lib.ftl" as lib>
<@lib.header model=model purpose=["A view over the query; nothing is stored."]/>
CREATE OR REPLACE VIEW ${table(target)}
COMMENT ${viewComment}
AS
${query}
