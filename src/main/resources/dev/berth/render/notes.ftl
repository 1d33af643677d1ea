<#-- NOTES.md: what the admin must do that no unit can. Text is prose, commands are code blocks. -->
<!--
<#list notes.header as line>
${line}
</#list>
-->
# Notes for ${notes.source}

<#list notes.groups as group>
## ${group.heading}

<#list group.notes as note>
${note.text}
<#if note.commands?has_content>

```sh
<#list note.commands as command>
${command}
</#list>
```
</#if>

</#list>
</#list>
