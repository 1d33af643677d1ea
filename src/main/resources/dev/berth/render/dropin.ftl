<#import "lib.ftl" as u>
<@u.header unit.header/>
<#list unit.sectionOrder as name>
<@u.section unit name/>
</#list>
