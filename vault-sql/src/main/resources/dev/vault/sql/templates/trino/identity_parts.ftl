<#--
  The SQL twin of dev.vault.core.identity.TypedNormalizer: the typed key parts beyond name, email
  and phone, and the key of typed parts. Same steps, same order; TestIdentityDifferential proves
  each kind equal to Java on 100,000+ hostile inputs. No '^' or '$' on text that may hold a line
  break (the engines differ there), no trim() without characters (Trino's trims Unicode spaces),
  no \s or \d.
-->
<#import "identity.ftl" as identity>

<#function emptyAsNull input>
    <#return "element_at(transform(ARRAY[" + input + "], text -> IF(text = '', NULL, text)), 1)">
</#function>

<#-- the date at the start of the value, day first when the year is last; NULL unless it is a real day in [minYear, maxYear] -->
<#macro date input>
element_at(transform(ARRAY[regexp_extract(ltrim(${input}, ' ' || chr(9)), ${lit(dateRun)})], run ->
    element_at(transform(ARRAY[CASE
            WHEN regexp_like(run, ${lit(yearFirst)}) THEN ARRAY[CAST(regexp_extract(run, ${lit(yearFirst)}, 1) AS integer), CAST(regexp_extract(run, ${lit(yearFirst)}, 2) AS integer), CAST(regexp_extract(run, ${lit(yearFirst)}, 3) AS integer)]
            WHEN regexp_like(run, ${lit(dayFirst)}) THEN ARRAY[CAST(regexp_extract(run, ${lit(dayFirst)}, 3) AS integer), CAST(regexp_extract(run, ${lit(dayFirst)}, 2) AS integer), CAST(regexp_extract(run, ${lit(dayFirst)}, 1) AS integer)]
            WHEN regexp_like(run, ${lit(compact)}) THEN ARRAY[CAST(regexp_extract(run, ${lit(compact)}, 1) AS integer), CAST(regexp_extract(run, ${lit(compact)}, 2) AS integer), CAST(regexp_extract(run, ${lit(compact)}, 3) AS integer)]
            END], ymd ->
        IF(ymd[1] >= ${minYear?c} AND ymd[1] <= ${maxYear?c} AND ymd[2] >= 1 AND ymd[2] <= 12 AND ymd[3] >= 1
                AND ymd[3] <= element_at(ARRAY[31, IF(ymd[1] % 4 = 0 AND ymd[1] % 100 <> 0 OR ymd[1] % 400 = 0, 29, 28), 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], greatest(1, least(12, ymd[2]))),
            lpad(CAST(ymd[1] AS varchar), 4, '0') || '-' || lpad(CAST(ymd[2] AS varchar), 2, '0') || '-' || lpad(CAST(ymd[3] AS varchar), 2, '0'))), 1)), 1)<#rt>
</#macro>

<#function digits input>
    <#return emptyAsNull("regexp_replace(normalize(" + input + ", NFKD), '[^0-9]', '')")>
</#function>

<#macro document input>
${digits(input)}<#rt>
</#macro>

<#-- the mod-11 check digit of the first count digits of d with the given weights -->
<#function checkDigit count weights>
    <#return "element_at(transform(ARRAY[reduce(sequence(1, " + count + "), 0, (sum, i) -> sum + CAST(substr(d, i, 1) AS integer) * element_at(ARRAY[" + weights?join(", ") + "], i), sum -> sum) % 11], remainder -> IF(remainder < 2, 0, 11 - remainder)), 1)">
</#function>

<#-- digits padded with zeros to length, not one digit repeated, with both check digits right -->
<#macro checked input minimum length first second>
element_at(transform(ARRAY[element_at(transform(ARRAY[${digits(input)}], digits -> IF(length(digits) >= ${minimum} AND length(digits) <= ${length}, lpad(digits, ${length}, '0'))), 1)], d ->
    IF(replace(d, substr(d, 1, 1), '') <> ''
            AND ${checkDigit(length - 2, first)} = CAST(substr(d, ${length - 1}, 1) AS integer)
            AND ${checkDigit(length - 1, second)} = CAST(substr(d, ${length}, 1) AS integer),
        d)), 1)<#rt>
</#macro>

<#macro cpf input>
<@checked input=input minimum=9 length=11 first=[10, 9, 8, 7, 6, 5, 4, 3, 2] second=[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]/><#rt>
</#macro>

<#macro cnpj input>
<@checked input=input minimum=12 length=14 first=[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] second=[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]/><#rt>
</#macro>

<#macro postcode input>
replace(<@identity.name input=input/>, ' ', '')<#rt>
</#macro>

<#macro text input>
${emptyAsNull("trim(regexp_replace(lower(" + identity.letters(identity.decomposed(input)) + r"), '[\x09-\x0D\x20]+', ' '), ' ')")}<#rt>
</#macro>

<#macro code input>
${emptyAsNull("trim(" + input + ", chr(32) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))")}<#rt>
</#macro>

<#-- the name-derived kinds take a normalized name: [a-z0-9] words, one space apart -->
<#macro soundex input>
${emptyAsNull("array_join(filter(transform(split(" + input + ", ' '), word -> soundex(word)), code -> code <> ''), ' ')")}<#rt>
</#macro>

<#macro phoneticPt input>
<#local sql = input>
<#list phoneticRules as rule>
    <#local sql = "regexp_replace(" + sql + ", " + lit(rule[0]) + ", " + lit(rule[1]) + ")">
</#list>
${emptyAsNull(sql)}<#rt>
</#macro>

<#macro initialSurname input>
element_at(transform(ARRAY[split(${input}, ' ')], words -> IF(cardinality(words) >= 2, substr(words[1], 1, 1) || ' ' || element_at(words, -1))), 1)<#rt>
</#macro>

<#macro sortedName input>
array_join(array_sort(split(${input}, ' ')), ' ')<#rt>
</#macro>

<#-- the key of typed parts (label, normalized expression), NULL when one is missing; '\' and '|' escaped as in IdentityHasher.typedKey -->
<#macro typedKey parts>
IF(<#list parts as part>${part.expression} IS NOT NULL<#sep> AND </#list>, to_hex(sha256(to_utf8('${version}'<#list parts as part> || '|${part.id}=' || replace(replace(${part.expression}, '\', '\\'), '|', '\|')</#list>))))<#rt>
</#macro>
