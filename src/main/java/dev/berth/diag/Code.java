package dev.berth.diag;

import static dev.berth.diag.Anchor.AT_KEY;
import static dev.berth.diag.Anchor.AT_VALUE;
import static dev.berth.diag.Severity.ERROR;
import static dev.berth.diag.Severity.WARNING;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of diagnostic codes. A code never changes meaning once released and is never
 * renumbered; tests and CI filters key on it, not on the wording. The letter names the topic:
 * Y = YAML text, S = schema, N = names, P = ports and sockets, F = file paths, V = values that reach
 * a unit file, C = compatibility with systemd versions and distributions, R = references between parts of
 * the config, D = deprecated input, H = the settings escape hatch, L = resource limits, A = plan and apply
 * (installing into a root).
 *
 * <p>Each entry says how berth reports the code (its severity: warnings for what still works, errors for
 * everything else) and where in the file it points (the key, or its value), then its topic, title, explanation
 * and a bad and a good example. A {@link Diagnostic} takes its severity from here, so what plan, apply and
 * validate print is what {@code berth explain CODE} and {@code docs/diagnostics.md} (generated from here) say.
 */
public enum Code {
    Y001(ERROR, AT_VALUE, "yaml", "YAML syntax error",
            "The file is not valid YAML. An unclosed quote or bracket, or a key without ':', is shown where it starts; "
                    + "other mistakes where the parser gave up, and the mistake is often just before it.",
            "containers:\n  web:\n    root: /srv/web\n   ports: {}",
            "containers:\n  web:\n    root: /srv/web\n    ports: {}"),
    Y002(ERROR, AT_KEY, "yaml", "duplicate key",
            "A mapping holds the same key twice. YAML parsers disagree on which value wins, so berth refuses both.",
            "containers:\n  web: {root: /srv/a}\n  web: {root: /srv/b}",
            "containers:\n  web: {root: /srv/a}\n  web2: {root: /srv/b}"),
    Y003(ERROR, AT_VALUE, "yaml", "input exceeds a loader limit",
            "The document is larger, deeper or uses more aliases than berth accepts. Limits protect hosts from hostile input.",
            "a: &a [x, x, x]\nb: &b [*a, *a, *a]   # ... exponential expansion",
            "containers: {}"),
    Y004(ERROR, AT_VALUE, "yaml", "more than one YAML document",
            "berth reads exactly one document per file. Split the documents into separate files.",
            "berth: 1\n---\nberth: 1",
            "berth: 1"),
    Y005(ERROR, AT_VALUE, "yaml", "unsupported YAML construct",
            "Keys must be plain strings; explicit tags and complex keys are not used by berth.",
            "? [a, b]\n: c",
            "a: c"),
    Y006(ERROR, AT_VALUE, "yaml", "unreadable file",
            "The file could not be read or is not valid UTF-8 text.",
            "(a binary file)",
            "berth: 1"),

    S001(ERROR, AT_VALUE, "schema", "wrong type",
            "The value has a different type than the key expects (for example a list where a string belongs).",
            "ports:\n  ssh: {listen: [23]}",
            "ports:\n  ssh: {listen: 23}"),
    S002(ERROR, AT_KEY, "schema", "unknown key",
            "The key is not part of berth's configuration language. It may be misspelt; the hint names the closest known key.",
            "containers:\n  web: {rooot: /srv/web}",
            "containers:\n  web: {root: /srv/web}"),
    S003(ERROR, AT_KEY, "schema", "missing required key",
            "A key that has no default is missing (or the file holds no document at all). The hint names the key "
                    + "and what it is for.",
            "containers:\n  web: {description: Web}",
            "containers:\n  web: {description: Web, root: /srv/web}"),
    S004(ERROR, AT_VALUE, "schema", "value not allowed",
            "The value is not one of the values the key accepts.",
            "kill-mode: gently",
            "kill-mode: process"),
    S005(ERROR, AT_VALUE, "schema", "value does not match the expected form",
            "The value breaks the form the key requires: its format (a time span, a unit name, a size...), its length, "
                    + "its range or its number of items. The message says in words what the key takes; the hint gives the "
                    + "nearest valid value where berth can tell, else an example.",
            "idle-stop: 30 secs\nmask: [ssh]",
            "idle-stop: 30s\nmask: [ssh.service]"),

    N001(ERROR, AT_KEY, "names", "invalid machine name",
            "Container names become nspawn machine names: dot-separated labels of letters, digits and '-', "
                    + "no leading or trailing '-' or '.', at most 64 characters.",
            "containers:\n  my_container: {root: /srv/c}",
            "containers:\n  my-container: {root: /srv/c}"),
    N002(ERROR, AT_KEY, "names", "invalid unit name",
            "The name becomes a systemd unit name. It may hold letters, digits, ':', '_', '.', '-' and must fit in 255 bytes "
                    + "with its suffix, drop-in directory and wants directory.",
            "services:\n  \"ssh daemon\": {exec: [/usr/sbin/sshd, -i]}",
            "services:\n  sshd: {exec: [/usr/sbin/sshd, -i]}"),
    N003(ERROR, AT_KEY, "names", "two things would write the same file",
            "Two parts of the config would generate the same output file, for example two containers with the same root.",
            "containers:\n  a: {root: /srv/x}\n  b: {root: /srv/x}",
            "containers:\n  a: {root: /srv/a}\n  b: {root: /srv/b}"),
    N004(ERROR, AT_KEY, "names", "invalid drop-in file name",
            "systemd reads a drop-in from NAME.service.d/ only when its file name ends in '.conf'; any other file there "
                    + "is silently ignored. The name is a single file name: no '/', no leading '.', no control characters.",
            "web.service.d/limits",
            "web.service.d/limits.conf"),

    R001(ERROR, AT_VALUE, "references", "unknown template",
            "A container names a template that 'templates' does not define.",
            "templates: {site: {}}\ncontainers:\n  a: {template: stie}",
            "templates: {site: {}}\ncontainers:\n  a: {template: site}"),
    R002(ERROR, AT_VALUE, "references", "import not found",
            "An entry of 'import' names a file that does not exist. Paths are relative to the directory of the file that "
                    + "imports, never absolute, so a repository of host files can be checked out anywhere.",
            "# hosts/web1.yaml\nimport: [common/sites.yaml]",
            "# hosts/web1.yaml\nimport: [../common/sites.yaml]"),
    R003(ERROR, AT_VALUE, "references", "import cycle",
            "A file imports, directly or through other files, the file that imports it. Shared definitions go in files "
                    + "that import only other shared files, never the host files that use them.",
            "# common/sites.yaml\nimport: [../hosts/web1.yaml]",
            "# common/sites.yaml\ntemplates: {site: {root-parent: /srv}}"),
    R004(ERROR, AT_KEY, "references", "defined twice across imports",
            "A template or a host drop-in is defined in two of the files a config is made of (the config and what it "
                    + "imports). Neither would silently win: keep one, or give one another name.",
            "# common/sites.yaml: templates: {site: ...}\ntemplates: {site: {root-parent: /srv}}",
            "# common/sites.yaml: templates: {site: ...}\ntemplates: {site-local: {root-parent: /srv}}"),
    R005(ERROR, AT_KEY, "references", "not importable",
            "An imported file holds shared definitions only: templates, host drop-ins and further imports. Containers "
                    + "and the systemd version belong to the one host whose file names them.",
            "# common/sites.yaml\ncontainers: {web: {template: site}}",
            "# common/sites.yaml\ntemplates: {site: {root-parent: /srv}}"),

    D001(WARNING, AT_VALUE, "deprecated", "deprecated setting converted",
            "The setting is the book's (cgroup v1) name. berth writes the modern directive instead and says how the value "
                    + "was converted; write the modern key to silence this warning.",
            "limits: {cpu-shares: 1500}",
            "limits: {cpu-weight: 146}"),

    D002(ERROR, AT_VALUE, "deprecated", "deprecated and modern setting both given",
            "A limit is set under its deprecated name and under the modern one; berth would not know which to write.",
            "limits: {cpu-shares: 1500, cpu-weight: 100}",
            "limits: {cpu-weight: 100}"),

    H001(ERROR, AT_VALUE, "settings", "directive already set by berth",
            "The escape hatch names a directive that berth writes itself for this unit from a dedicated key. "
                    + "Use the key, so that berth can check and encode the value.",
            "settings: {Service: {ExecStart: [/bin/true]}}",
            "exec: [/bin/true]"),
    H002(ERROR, AT_VALUE, "settings", "section not valid for this unit",
            "Each unit type has its own sections: [Unit], [Install] and [Service] for a .service, [Socket] for a .socket; "
                    + "X- sections are free for other tools.",
            "settings: {Socket: {Backlog: 5}}   # on a service",
            "settings: {Service: {Nice: 5}}"),
    H003(ERROR, AT_VALUE, "settings", "command must be a list",
            "Exec* directives in the escape hatch take the command as a list of words, so that berth can quote each one.",
            "settings: {Service: {ExecStartPre: /bin/mkdir -p /run/x}}",
            "settings: {Service: {ExecStartPre: [/bin/mkdir, -p, /run/x]}}"),

    L001(ERROR, AT_VALUE, "limits", "limits on a unit without processes",
            "Resource limits apply to units that run processes or group them (service, socket, slice, scope, mount, swap).",
            "drop-ins: {multi-user.target: {x.conf: {limits: {cpu-weight: 10}}}}",
            "drop-ins: {httpd.service: {x.conf: {limits: {cpu-weight: 10}}}}"),

    P001(ERROR, AT_VALUE, "ports", "invalid listen address",
            "A listen address is a port (1-65535), IPV4:PORT, [IPV6]:PORT (an interface goes after the port: "
                    + "[fe80::1]:80%eth0) or an absolute unix socket path of at most 107 bytes. Ports are decimal, "
                    + "without leading zeros; host names are not resolved.",
            "listen: localhost:80",
            "listen: 127.0.0.1:80"),
    P002(ERROR, AT_VALUE, "ports", "the same address is listened on twice",
            "Two ports on this host use the same address and protocol; the second socket unit would fail to start.",
            "a: {ports: {ssh: {listen: 23}}}\nb: {ports: {ssh: {listen: 23}}}",
            "a: {ports: {ssh: {listen: 23}}}\nb: {ports: {ssh: {listen: 24}}}"),
    P003(ERROR, AT_VALUE, "ports", "host port claimed by no guest service",
            "The host passes every socket of the container to the guest, and the guest closes sockets no unit claims: "
                    + "connections to this port would never be answered.",
            "ports: {ssh: {listen: 23}}\nservices: {}",
            "ports: {ssh: {listen: 23}}\nservices:\n  sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i]}"),
    P004(ERROR, AT_VALUE, "ports", "unknown port",
            "A guest service claims a port that its container does not define.",
            "services:\n  sshd: {port: shh}",
            "services:\n  sshd: {port: ssh}"),
    P005(ERROR, AT_VALUE, "ports", "port claimed twice",
            "Two guest services claim the same host port; a passed socket can be matched to only one guest socket unit.",
            "a: {port: ssh}\nb: {port: ssh}",
            "a: {port: ssh}\nb: {port: admin}"),
    P006(ERROR, AT_VALUE, "ports", "per-connection service cannot work this way",
            "A per-connection (inetd-style, Accept=yes) service gets the connection on standard input and output. "
                    + "Datagram and unix sockets, and daemons that do not speak inetd style, do not work that way.",
            "sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -D]}",
            "sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i]}"),

    P007(ERROR, AT_VALUE, "ports", "idle-stop needs stream ports",
            "Idle shutdown puts systemd-socket-proxyd in front of the container; it forwards stream connections only, "
                    + "and it needs at least one port to count connections on.",
            "idle-stop: 5min\nports: {dns: {listen: 53, type: datagram}}",
            "ports: {dns: {listen: 53, type: datagram}}   # no idle-stop"),
    P008(WARNING, AT_VALUE, "ports", "port 22 of the host's own sshd",
            "A container on the host's network (network: host, the default) listens on the host's addresses, where "
                    + "port 22 belongs to the host's own sshd: whichever of the two starts second cannot bind it, and an "
                    + "SSH client that meant the host may reach the container instead. The book moves its container to "
                    + "port 23 for this reason; any free port will do.",
            "network: host\nports: {ssh: {listen: 22}}",
            "network: host\nports: {ssh: {listen: 2222}}"),
    P009(ERROR, AT_VALUE, "ports", "a probe that cannot be run",
            "A port's probe is one check that berth apply runs on the live host once the container changed: connect: true "
                    + "(the connection stays open for 1 s), banner: TEXT (the first line starts with it) or http: /PATH "
                    + "(with the status expected, 200 by default). It needs a stream port: a datagram has no connection.",
            "ports: {web: {listen: 80, probe: {banner: SSH-2.0-, http: /health}}}",
            "ports: {web: {listen: 80, probe: {http: /health}}}"),

    F001(ERROR, AT_VALUE, "paths", "path must be absolute, normalized and plain",
            "Paths are absolute and normalized (no '.', '..', '//' or trailing '/'), so that what berth writes is what "
                    + "the user meant; a relative path is read from '/', and the hint shows the path meant. They hold only "
                    + "letters, digits, '.', '_', '+', '-' and '/': berth writes paths unquoted into unit files and shell "
                    + "commands, where whitespace separates two paths, ':' separates the two sides of a bind mount, '%' "
                    + "starts a specifier and '$' a variable, and systemd removes quotes and backslashes.",
            "root: srv/web\nbinds: [{from: \"/srv/web data\"}]",
            "root: /srv/web\nbinds: [{from: /srv/web-data}]"),
    F002(ERROR, AT_VALUE, "paths", "container root in a system directory",
            "A container root must be a directory of its own, not '/' or a directory systemd or the host's packages own "
                    + "(/etc, /usr, /run, ...): guest units are written below it.",
            "root: /etc",
            "root: /srv/web"),

    F003(ERROR, AT_VALUE, "paths", "the nspawn-unit form needs the root in /var/lib/machines",
            "The distribution's systemd-nspawn@.service finds a machine by name in /var/lib/machines; "
                    + "a .nspawn file cannot name another directory.",
            "form: nspawn-unit\nroot: /srv/web",
            "form: nspawn-unit\nroot: /var/lib/machines/web"),

    V001(ERROR, AT_VALUE, "values", "control character in a value",
            "A newline, carriage return, NUL or other control character would end the line in the unit file "
                    + "and could add directives of its own. Fields that systemd does not unquote (descriptions, names, "
                    + "addresses) cannot hold them at all; command arguments can, except NUL, because berth writes them "
                    + "escaped inside quotes.",
            "description: \"web\\nUser=root\"",
            "description: web"),
    V002(ERROR, AT_VALUE, "values", "value ends with a backslash",
            "A trailing backslash continues the unit file line and swallows the next one.",
            "description: 'web \\'",
            "description: web"),
    V003(ERROR, AT_VALUE, "values", "leading or trailing whitespace",
            "systemd strips whitespace around values, so the unit would not hold what the config says.",
            "description: ' web '",
            "description: web"),
    V004(ERROR, AT_VALUE, "values", "empty value",
            "An empty assignment resets a setting in systemd; berth does not write one by accident.",
            "description: ''",
            "description: web"),
    V005(ERROR, AT_VALUE, "values", "value is too long",
            "systemd refuses lines of 1 MiB or more; berth accepts values up to 4096 bytes.",
            "description: (5000 characters)",
            "description: web"),
    V006(ERROR, AT_VALUE, "values", "value cannot be written safely in this field",
            "This field does not honour quoting, so characters such as quotes cannot be encoded safely.",
            "user: \"o'brien\"",
            "user: obrien"),
    V007(ERROR, AT_VALUE, "values", "command must start with an absolute path",
            "The first word of a command is the program; systemd requires an absolute, normalized path of a file "
                    + "(no '.', '..', '//' or trailing '/') and treats leading '-', '@', '+', '!' and ':' as prefixes. "
                    + "Use the dedicated keys (ignore-failure) instead of prefixes.",
            "exec: [\"-sshd\", -i]",
            "exec: [/usr/sbin/sshd, -i]\nignore-failure: true"),
    V008(ERROR, AT_VALUE, "values", "value is not valid Unicode",
            "The value holds an unpaired surrogate (for example from a \\uD800 escape in a double-quoted YAML string). "
                    + "It has no UTF-8 form, and systemd refuses unit files that are not valid UTF-8.",
            "description: \"web \\uD800\"",
            "description: \"web \\u00e9\""),
    V009(ERROR, AT_KEY, "values", "invalid environment variable name",
            "An environment variable name is letters, digits and '_' and does not start with a digit; systemd ignores "
                    + "an Environment= assignment with any other name, so the service would silently miss the variable.",
            "environment: {MY-VAR: x}",
            "environment: {MY_VAR: x}"),
    V010(ERROR, AT_VALUE, "values", "program and arguments in one item",
            "A command is a list with one item per argument, and no shell splits it: an item such as "
                    + "'/bin/busybox httpd -i' names a program of that whole name, spaces included, which does not exist. "
                    + "Write the program and each argument as items of their own.",
            "exec: [\"/bin/busybox httpd -i -h /var/www\"]",
            "exec: [/bin/busybox, httpd, -i, -h, /var/www]"),
    V011(WARNING, AT_VALUE, "values", "shell operator passed as an argument",
            "No shell runs a command: each item reaches the program as one argument, as it is. An item such as '|', "
                    + "'>', '2>&1', '&&' or ';' is then a literal argument, and the pipe, redirection or list of commands "
                    + "it stands for does not happen. If that is what was meant, run a shell with the line as one "
                    + "argument; if the program itself takes the word, ignore this warning.",
            "exec: [/usr/bin/journalctl, -f, \"|\", /usr/bin/logger]",
            "exec: [/bin/sh, -c, \"/usr/bin/journalctl -f | /usr/bin/logger\"]"),

    A001(ERROR, AT_VALUE, "apply", "file exists and is not berth's",
            "A file berth would write already exists, is not listed in berth's manifest (var/lib/berth/manifest.json "
                    + "under the root) and holds something else. berth does not overwrite files it did not write. "
                    + "A file that already holds exactly what berth would write is taken over silently.",
            "# /etc/systemd/system/web.service was written by hand\nberth apply berth.yaml",
            "berth plan berth.yaml    # read the diff first\nberth apply --adopt berth.yaml"),
    A002(ERROR, AT_VALUE, "apply", "another apply holds the lock",
            "berth apply and berth destroy take var/lib/berth/lock under the root, so that two runs never write the "
                    + "same root at once. The second run is refused and changes nothing.",
            "berth apply a.yaml & berth apply a.yaml",
            "berth apply a.yaml; berth apply a.yaml"),
    A003(ERROR, AT_VALUE, "apply", "path leads through a symbolic link",
            "berth resolves every path below the root one component at a time and never follows a symbolic link: "
                    + "a guest may point etc/systemd/system in its own root at the host's /etc, and berth must not "
                    + "write there. Nothing is written while such a link is in the way.",
            "# inside the guest: ln -s /etc /srv/web/etc/systemd/system",
            "rm /srv/web/etc/systemd/system && mkdir /srv/web/etc/systemd/system"),
    A004(ERROR, AT_VALUE, "apply", "systemctl failed",
            "A systemctl step on the live host failed. The files berth wrote stay in place (berth does not roll back); "
                    + "the report names the steps that ran, the one that failed with the unit's status, and those that did not run.",
            "systemctl start web.socket   # Address already in use",
            "# free the port or change listen:, then\nberth apply berth.yaml"),
    A005(WARNING, AT_VALUE, "apply", "guest root holds no operating system",
            "A container root does not exist or has neither usr/ nor etc/os-release. berth writes the guest's units "
                    + "there, but the container cannot boot until a system is installed: run the bootstrap command "
                    + "from NOTES.md, or berth apply --bootstrap.",
            "root: /srv/web    # /srv/web is empty",
            "debootstrap --include=systemd,systemd-sysv,dbus stable /srv/web/\nberth apply berth.yaml"),
    A006(WARNING, AT_VALUE, "apply", "a file berth owns was changed by someone else",
            "The file is in berth's manifest but no longer holds what berth wrote. apply replaces (or removes) it; "
                    + "move lasting changes into the config, e.g. as a drop-in.",
            "vi /etc/systemd/system/web.service   # edited by hand",
            "# describe the change in berth.yaml, then\nberth apply berth.yaml"),
    A007(ERROR, AT_VALUE, "apply", "something other than a file is in the way",
            "Where berth writes a file or a link there is a directory, a device, a socket or a FIFO, or a parent "
                    + "directory is a file. berth never removes those; move it away first.",
            "mkdir /etc/systemd/system/web.service",
            "rmdir /etc/systemd/system/web.service"),
    A008(ERROR, AT_VALUE, "apply", "berth's manifest cannot be read",
            "var/lib/berth/manifest.json under the root is not a manifest this berth understands (broken JSON, "
                    + "a newer format, a path that leaves the root). Without it berth cannot tell its files from others. "
                    + "Moving it away makes every file foreign; files that hold what berth would write are taken over again.",
            "{\"format_version\": 1, \"files\": [{\"path\": \"../etc/passwd\"",
            "mv /var/lib/berth/manifest.json /root/manifest.broken && berth plan berth.yaml"),
    A009(ERROR, AT_VALUE, "apply", "a file operation failed",
            "Reading or writing below the root failed (a missing root, permissions, a full disk). Every file berth "
                    + "writes is replaced in one rename, so each is either old or new; the report says which were done.",
            "berth apply --root /does/not/exist berth.yaml",
            "berth apply --root /var/lib/images/web berth.yaml"),
    A010(ERROR, AT_VALUE, "apply", "the root changed after the plan was made",
            "apply carries out exactly the plan it showed and checks each file's state before touching it. Something "
                    + "else changed the file in between; apply stops there. Plan again. A plan saved by berth plan -o is "
                    + "checked whole before apply starts: when any path it planned changed, nothing is applied.",
            "# another tool writes /etc/systemd/system/web.service during berth apply",
            "berth apply berth.yaml   # again: a new plan"),
    A011(WARNING, AT_VALUE, "apply", "systemd is too old for a setting",
            "A unit uses a setting that the systemd which will read it does not know; it would ignore the line "
                    + "(for example RuntimeDirectoryPreserve= needs systemd 235).",
            "# guest with systemd 219 (CentOS 7)\nruntime-directory: sshd",
            "# a guest with systemd 235 or later"),
    A012(ERROR, AT_VALUE, "apply", "guest root cannot be bootstrapped",
            "berth apply --bootstrap runs the bootstrap command of each guest root without an operating system. "
                    + "It needs guest.os to pick the command, and the command must succeed.",
            "containers:\n  web: {root: /srv/web}",
            "containers:\n  web: {root: /srv/web, guest: {os: debian, release: bookworm}}"),
    A013(WARNING, AT_VALUE, "apply", "a port is held by another process",
            "On the live host, a socket apply is to start or restart would listen on a port that another process "
                    + "holds now (the kernel's socket tables say so). Starting the socket would fail with 'Address "
                    + "already in use' after every file is written. The warning names the process where it can.",
            "# sshd of the host already listens on port 23\nports: {ssh: {listen: 23}}",
            "ports: {ssh: {listen: 2222}}"),
    A014(WARNING, AT_VALUE, "apply", "the host lacks a program the containers need",
            "Every container's unit runs /usr/bin/systemd-nspawn on the host; form: nspawn-unit uses the distribution's "
                    + "systemd-nspawn@.service, and idle-stop runs /usr/lib/systemd/systemd-socket-proxyd. Where the host "
                    + "lacks one (the live host, or a root being planned that holds a system), the socket still listens "
                    + "and the first connection fails. Debian, Ubuntu and Fedora ship systemd-nspawn and its unit in "
                    + "systemd-container, the proxy in systemd.",
            "# a minimal Debian host, without systemd-container\nberth apply berth.yaml",
            "apt-get install systemd-container\nberth apply berth.yaml"),

    A015(ERROR, AT_VALUE, "apply", "the saved plan is for another build or root",
            "berth apply PLANFILE carries out a plan saved by berth plan -o without compiling the config again. Only the "
                    + "build of berth that made the plan applies it (another build may compile and install otherwise), "
                    + "and only to the root it was made for. A plan whose files changed since is refused as A010.",
            "berth plan berth.yaml --root /srv/image -o web.plan\nberth apply web.plan   # the root is /",
            "berth apply web.plan --root /srv/image"),

    A016(ERROR, AT_VALUE, "apply", "the generation to roll back to is not kept",
            "berth rollback returns a root's files to a generation that berth keeps under var/lib/berth/generations/: "
                    + "the last five applies that changed files, by default. An older generation, a number never "
                    + "recorded, or a root no apply has changed since berth keeps generations cannot be returned to.",
            "berth rollback 1   # generations 4 to 8 are kept",
            "berth generations\nberth rollback 7"),
    A017(ERROR, AT_VALUE, "apply", "a container did not answer its probe",
            "After an apply on the live host, berth probes every port whose container changed and that declares a probe. "
                    + "A probe that fails means the change is installed but does not work: the report shows the container's "
                    + "last journal lines. With --rollback-on-failure berth then returns to the previous generation and "
                    + "probes again; the exit status is 1 either way, as the change asked for did not hold.",
            "services: {sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd-typo, -i]}}",
            "services: {sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i]}}"),

    C001(WARNING, AT_VALUE, "compat", "service needs a runtime directory",
            "Debian's and Fedora's sshd exit with 'Missing privilege separation directory: /run/sshd' unless the "
                    + "service creates it. Per-connection sshd services should set runtime-directory: sshd.",
            "sshd: {exec: [/usr/sbin/sshd, -i], per-connection: true, port: ssh}",
            "sshd: {exec: [/usr/sbin/sshd, -i], per-connection: true, port: ssh, runtime-directory: sshd}"),
    C002(WARNING, AT_KEY, "compat", "deprecated setting",
            "The directive or value still works on the target systemd, but it is deprecated: systemd logs a warning "
                    + "each time it loads the unit and may drop support. The hint names the replacement, which is not "
                    + "always a 1:1 rename (CPUWeight= takes 1-10000 where CPUShares= took 2-262144).",
            "[Service]\nMemoryLimit=1G\nStandardOutput=syslog",
            "[Service]\nMemoryMax=1G\nStandardOutput=journal"),
    C003(ERROR, AT_KEY, "compat", "setting unknown to the target systemd version",
            "The directive or value was added in a later systemd than the version the config targets. That systemd "
                    + "ignores it with a warning, so the unit would silently run without the setting.",
            "# target systemd 239 (RHEL 8)\n[Service]\nProtectClock=yes",
            "# target systemd 239 (RHEL 8)\n[Service]\nProtectKernelTunables=yes"),
    C004(ERROR, AT_KEY, "compat", "unknown directive",
            "systemd does not know this directive in this section and ignores it with a warning. It is often a typo "
                    + "or a directive of another section; the hint names the closest known one.",
            "[Service]\nExecStrat=/usr/sbin/sshd -i",
            "[Service]\nExecStart=/usr/sbin/sshd -i"),
    C005(WARNING, AT_VALUE, "compat", "the guest's own sshd shares the host's network",
            "Distributions start their own ssh.service in the guest too. With the host's network shared it listens on "
                    + "port 22 next to (or instead of) the host's sshd. Mask it in the guest, or give the container a private network.",
            "network: host\nservices: {sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i]}}",
            "mask: [ssh.service]\nservices: {sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i]}}");

    private final Severity severity;
    private final Anchor anchor;
    private final String topic;
    private final String title;
    private final String explanation;
    private final String badExample;
    private final String goodExample;

    Code(Severity severity, Anchor anchor, String topic, String title, String explanation, String badExample,
         String goodExample) {
        this.severity = severity;
        this.anchor = anchor;
        this.topic = topic;
        this.title = title;
        this.explanation = explanation;
        this.badExample = badExample;
        this.goodExample = goodExample;
    }

    public String id() {
        return name();
    }

    public String topic() {
        return topic;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    public String badExample() {
        return badExample;
    }

    public String goodExample() {
        return goodExample;
    }

    /** Whether the diagnostic is best shown at the key (names, unknown or duplicate keys) rather than its value. */
    public boolean pointsAtKey() {
        return anchor == AT_KEY;
    }

    /** How berth reports this code, everywhere: warnings for what still works, errors for everything else. */
    public Severity severity() {
        return severity;
    }

    public static Optional<Code> find(String id) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(id)).findFirst();
    }
}
