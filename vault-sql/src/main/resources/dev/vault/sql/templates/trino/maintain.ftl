<#import "lib.ftl" as lib>
<#--
  One maintenance step of one Iceberg table. None changes the table's rows: optimize and
  optimize_manifests commit a 'replace' snapshot of the same data, the others commit none.
-->
<#if step == "optimize">
<@lib.header model=model purpose=[
    "Maintains ${target}: rewrites its data files smaller than ${threshold} into bigger ones;",
    "the rows stay the same (a 'replace' snapshot)."]/>
ALTER TABLE ${table(target)} EXECUTE optimize(file_size_threshold => ${lit(threshold)})
<#elseif step == "optimize_manifests">
<@lib.header model=model purpose=[
    "Maintains ${target}: rewrites its manifests so that planning a query reads few of them."]/>
ALTER TABLE ${table(target)} EXECUTE optimize_manifests
<#elseif step == "expire_snapshots">
<#assign kept = keepLast???then(" but the " + keepLast + " newest", "")>
<@lib.header model=model purpose=[
    "Maintains ${target}: removes snapshots older than ${olderThan}${kept}, and the files only they used;",
    "time travel to them ends. The current snapshot always stays."]/>
ALTER TABLE ${table(target)} EXECUTE expire_snapshots(retention_threshold => ${lit(olderThan)}<#if keepLast??>, retain_last => ${keepLast}</#if>)
<#elseif step == "remove_orphan_files">
<@lib.header model=model purpose=[
    "Maintains ${target}: deletes files in its location older than ${olderThan} that no snapshot",
    "references (left by failed writes)."]/>
ALTER TABLE ${table(target)} EXECUTE remove_orphan_files(retention_threshold => ${lit(olderThan)})
<#elseif step == "analyze">
<@lib.header model=model purpose=[
    "Maintains ${target}: collects column statistics for the cost-based optimizer."]/>
ANALYZE ${table(target)}
<#else>
<#stop "unknown maintenance step " + step>
</#if>
