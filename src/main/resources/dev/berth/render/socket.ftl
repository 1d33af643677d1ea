<#import "lib.ftl" as u>
<@u.header unit.header/>
<@u.section unit "Unit"/>
<@u.section unit "Socket"/>
<@u.section unit "Install"/>
