<#import "lib.ftl" as u>
<@u.header unit.header/>
<@u.section unit "Exec"/>
<@u.section unit "Files"/>
<@u.section unit "Network"/>
