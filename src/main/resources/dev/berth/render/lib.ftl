<#-- Shared layout of every unit file. Values arrive encoded; templates only arrange them. -->
<#macro header lines>
<#list lines as line>
# ${line}
</#list>
</#macro>
<#macro section unit name>
<#if unit.sections[name]??>

[${name}]
<#list unit.sections[name] as line>
<#if line.why??>
# ${line.why}
</#if>
${line.key}=${line.value}
</#list>
</#if>
</#macro>
