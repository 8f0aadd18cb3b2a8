<#--
  The SQL twin of dev.vault.core.identity.IdentityNormalizer and IdentityHasher: the same steps,
  in the same order, so Trino computes the keys Java computes, byte for byte. A change here needs
  the same change there; TestIdentityDifferential runs both on 100,000+ inputs.
  element_at(transform(ARRAY[x], v -> ...), 1) binds x to v, a 'let' that keeps each step
  computed once and the expression readable.
-->

<#-- NFKD, then the combining marks U+0300..U+036F removed -->
<#function decomposed input>
    <#return "regexp_replace(normalize(" + input + r", NFKD), '[\x{0300}-\x{036F}]', '')">
</#function>

<#-- letters NFKD leaves alone: one-to-one with translate, the rest with replace -->
<#function letters input>
    <#local sql = "translate(" + input + ", " + lit(singleFrom) + ", " + lit(singleTo) + ")">
    <#list multiLetters as pair>
        <#local sql = "replace(" + sql + ", " + lit(pair.from) + ", " + lit(pair.to) + ")">
    </#list>
    <#return sql>
</#function>

<#-- Functions the twin uses exist since Trino 476 (ends_with is missing on 476: the domain's last
  character is read with substr(x, -1) instead, '' for '' and NULL for NULL alike) -->

<#-- '' as NULL. Trino's SQL routine bodies accept neither NULLIF, IN nor BETWEEN, so the twin avoids them everywhere -->
<#function emptyAsNull input>
    <#return "element_at(transform(ARRAY[" + input + "], text -> IF(text = '', NULL, text)), 1)">
</#function>

<#macro name input>
${emptyAsNull("trim(regexp_replace(lower(" + letters(decomposed(input)) + "), '[^a-z0-9]+', ' '))")}<#rt>
</#macro>

<#macro email input>
element_at(transform(ARRAY[regexp_replace(lower(${decomposed(input)}), '[^a-z0-9.!#$%&''*+/=?^_`{}~@\-]', '')], address ->
    IF(strpos(address, '@') > 1 AND length(address) - length(replace(address, '@', '')) = 1,
        element_at(transform(ARRAY[ARRAY[split_part(address, '@', 1), split_part(address, '@', 2)]], parts ->
            IF(strpos(parts[2], '.') > 1 AND substr(parts[2], -1) <> '.',
                element_at(transform(ARRAY[IF(contains(ARRAY[<#list plusTagDomains as domain>${lit(domain)}<#sep>, </#list>], parts[2]), regexp_replace(parts[1], '\+.*$', ''), parts[1])], local ->
                    IF(contains(ARRAY[<#list dotlessDomains as domain>${lit(domain)}<#sep>, </#list>], parts[2]),
                        ${emptyAsNull("replace(local, '.', '')")} || '@gmail.com',
                        ${emptyAsNull("local")} || '@' || parts[2])), 1))), 1))), 1)<#rt>
</#macro>

<#macro phone input country>
element_at(transform(ARRAY[regexp_replace(normalize(${input}, NFKD), '[^0-9]', '')], digits ->
    element_at(transform(ARRAY[IF(starts_with(digits, '00'), substr(digits, 3), digits)], number ->
<#if country == "BR">
        element_at(transform(ARRAY[CASE
                WHEN contains(ARRAY[12, 13], length(number)) AND starts_with(number, '55') THEN substr(number, 3)
                WHEN contains(ARRAY[11, 12], length(number)) AND starts_with(number, '0') THEN substr(number, 2)
                WHEN contains(ARRAY[13, 14], length(number)) AND starts_with(number, '0') THEN substr(number, 4)
                ELSE number END], national ->
            element_at(transform(ARRAY[IF(length(national) = 10 AND substr(national, 3, 1) >= '6', substr(national, 1, 2) || '9' || substr(national, 3), national)], candidate ->
                IF(length(candidate) >= 2 AND substr(candidate, 1, 1) >= '1' AND substr(candidate, 2, 1) >= '1'
                        AND (length(candidate) = 11 AND substr(candidate, 3, 1) = '9' OR length(candidate) = 10 AND substr(candidate, 3, 1) >= '2' AND substr(candidate, 3, 1) <= '5'),
                    candidate)), 1)), 1)), 1)), 1)<#rt>
<#else>
        IF(length(number) >= 8 AND length(number) <= 15, number)), 1)), 1)<#rt>
</#if>
</#macro>

<#-- the key of the given normalized parts (SQL expressions, already normalized), or NULL when one is missing -->
<#macro key parts>
IF(<#list parts as part>${part.expression} IS NOT NULL<#sep> AND </#list>, to_hex(sha256(to_utf8('${version}'<#list parts as part> || '|${part.id}=' || ${part.expression}</#list>))))<#rt>
</#macro>

<#-- generate_person_hash: the key of whichever normalized parts are present; NULL when none is -->
<#macro personHash name email phone>
element_at(transform(ARRAY[ARRAY[${name}, ${email}, ${phone}]], normalized ->
    IF(coalesce(normalized[1], normalized[2], normalized[3]) IS NOT NULL, to_hex(sha256(to_utf8('${version}'
        || coalesce('|name=' || normalized[1], '')
        || coalesce('|email=' || normalized[2], '')
        || coalesce('|phone=' || normalized[3], '')))))), 1)<#rt>
</#macro>
