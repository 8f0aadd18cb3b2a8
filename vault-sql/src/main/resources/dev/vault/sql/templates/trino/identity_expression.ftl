<#import "identity.ftl" as identity>
<#if what == "name"><@identity.name input=input/><#elseif what == "email"><@identity.email input=input/><#elseif what == "phone"><@identity.phone input=input country=country/><#elseif what == "key"><@identity.key parts=parts/><#elseif what == "personHash"><@identity.personHash name=name email=email phone=phone/></#if>
