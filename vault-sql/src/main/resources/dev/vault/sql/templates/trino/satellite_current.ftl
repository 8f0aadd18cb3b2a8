<#import "lib.ftl" as lib>
<@lib.header model=model purpose=["The current row of every key of the satellite."]/>
CREATE OR REPLACE VIEW ${table(current)} AS
SELECT *
FROM ${table(endDated)}
WHERE "is_current"
