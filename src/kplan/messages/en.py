"""The English catalog (`--lang en`, KPLAN_LANG=en or an English locale): the same keys as ja.py.

Keys and `$parameters` are the same as in ja.py (tests/test_messages.py checks it); see kplan.messages.
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, str]] = {
    # ---- words ------------------------------------------------------------------------------------------------
    "word.error": "error",
    "word.warning": "warning",
    "word.info": "info",
    "word.hint": " (hint: $hint)",
    "word.suggestion": " (suggestion: $suggestion)",
    # ---- the command line -------------------------------------------------------------------------------------
    "cli.problems": "$count problem(s) in the sources",
    "cli.unreadable": "kplan: $count problem(s); the sources could not be read",
    # ---- the loader: YAML -----------------------------------------------------------------------------------------
    "load.io": (
        "file not found",
        "check the path, or create the file",
    ),
    "load.io/unreadable": (
        "cannot read the file: $reason",
        "check its permissions",
    ),
    "load.encoding": (
        "the file is not UTF-8 text (byte 0x$byte)",
        "save it as UTF-8 (in Windows Notepad: 名前を付けて保存 → 文字コード UTF-8); "
        "or convert it with kplan fmt --encoding",
    ),
    "load.too-large/yaml-events": (
        "too large to be a plan source, not read (more than $limit YAML values and containers)",
        "split the file, or delete what was pasted by mistake",
    ),
    "load.too-large/nodes": (
        "the file is too large to be a plan source",
        "split it",
    ),
    "load.ime-slip/wide-space-indent": (
        "the indentation holds a full-width space ($point)",
        "indent with ASCII spaces (kplan lint --fix makes it two spaces)",
    ),
    "load.ime-slip/tab-indent": (
        "the indentation holds a tab ($point); YAML cannot be indented with tabs",
        "replace the tab with spaces (your editor's 'convert tabs to spaces')",
    ),
    "load.ime-slip/wide-space-after-dash": (
        "a full-width space ($point) follows the list's '-'",
        "write an ASCII space after '-' (kplan lint --fix does it)",
    ),
    "load.ime-slip/wide-dash": (
        "a full-width '$char' ($point) stands where a list item's '- ' belongs",
        "start each item with an ASCII '- ' (kplan lint --fix does it)",
    ),
    "load.ime-slip/wide-colon": (
        "the colon after the key '$key' is a full-width '：' ($point)",
        "write an ASCII ':' and a space after the key, e.g. title: 情報化計画 (kplan lint --fix does it)",
    ),
    "load.control-character": (
        "a control character U+$char, which YAML does not allow",
        "delete the invisible character here (it comes in when text is pasted from other software)",
    ),
    "load.yaml-syntax": (
        "malformed YAML: $problem",
        "$advice",
    ),
    "load.yaml-syntax/other": (
        "malformed YAML: $problem",
        "check the file's syntax",
    ),
    "load.yaml-syntax/colon": "could not find expected ':'",
    "load.yaml-syntax/mapping-values": "mapping values are not allowed here",
    "load.yaml-syntax/block-end": "the indentation does not line up (expected <block end>)",
    "load.yaml-syntax/token": "found a character that cannot start any token",
    "load.yaml-syntax/expected-key": "did not find expected key",
    "load.yaml-syntax/end-of-stream": "found unexpected end of stream",
    "load.yaml-syntax/flow-end": "a [ ] or { } is not closed (did not find expected ',' or ']')",
    "load.yaml-syntax/undefined-alias": "found undefined alias",
    "load.yaml-syntax/hint-tab": "indent with spaces, not tabs",
    "load.yaml-syntax/hint-colon": "a value that contains ': ' must be quoted",
    "load.yaml-syntax/hint-alias": "anchors (&name) must be defined before an alias (*name) uses them",
    "load.yaml-syntax/hint-other": "check indentation and quoting near here",
    "load.missing-key/empty-file": (
        "the file is empty",
        "write the YAML it should hold (see docs/format.md)",
    ),
    "load.yaml-tag": (
        "YAML tag $tag is not allowed: plan files hold plain data only",
        "remove the tag; write the value as plain text, a number, a list or a mapping",
    ),
    "load.yaml-tag/merge": (
        "merge keys (<<) are not supported",
        "write the keys out",
    ),
    # ---- words for hints ------------------------------------------------------------------------------------------
    "word.did-you-mean": "did you mean '$name'?",
    "word.use-one-of": "use one of: $choices",
    "word.known-keys": "known keys: $keys",
    # ---- the loader: shapes (load/spec.py) ------------------------------------------------------------------------
    "load.wrong-type": (
        "expected $expected, found $found",
        "$advice",
    ),
    "load.wrong-type/unreadable": (
        "'$value' cannot be read as $expected",
        "remove the tag (!!int …) and write only digits, at most $maximum",
    ),
    "load.wrong-type/str": "text",
    "load.wrong-type/int": "a whole number",
    "load.wrong-type/float": "a number",
    "load.wrong-type/bool": "true or false",
    "load.wrong-type/null": "empty (null)",
    "load.wrong-type/timestamp": "a date",
    "load.wrong-type/seq": "a list",
    "load.wrong-type/map": "a mapping of keys",
    "load.wrong-type/expect-text": "text",
    "load.wrong-type/expect-whole-number": "a whole number",
    "load.wrong-type/expect-number": "a number",
    "load.wrong-type/expect-mapping": "a mapping of keys (key: value)",
    "load.wrong-type/expect-bool": "true or false",
    "load.wrong-type/expect-year-month": "a year and month such as 2021-07",
    "load.wrong-type/expect-date": "a date such as 2021-01-12",
    "load.wrong-type/expect-list": "a list",
    "load.wrong-type/hint-seq": "write one value here, not a list (lines starting with '-')",
    "load.wrong-type/hint-map": (
        "write one value here, not key: value pairs (put a value that contains ': ' in quotes)"
    ),
    "load.wrong-type/hint-quote": 'put it in quotes: "$value"',
    "load.wrong-type/hint-percent": "write the number without %",
    "load.wrong-type/hint-number": "write the number without units or commas",
    "load.wrong-type/hint-mapping": "write key: value lines, indented alike",
    "load.wrong-type/hint-list": "write each item on its own line starting with '- '",
    "load.too-large/aliases": (
        "too many values after expanding aliases (an alias bomb?)",
        "do not use anchors (&) and aliases (*) to repeat large parts",
    ),
    "load.invalid-value/empty-text": (
        "empty text",
        "write the text, or remove the key if it is optional",
    ),
    "load.invalid-value/not-one-of": (
        "'$value' is not one of $choices",
        "$advice",
    ),
    "load.invalid-value/form": (
        "'$value' is not in the expected form",
        "$advice",
    ),
    "load.invalid-value/hint-edition": 'write the edition in quotes, e.g. "2.0"',
    "load.invalid-value/hint-id": "use lower-case ASCII letters, digits and '-'",
    "load.invalid-value/one-line": (
        "this text must be one line",
        "join the lines into one",
    ),
    "load.invalid-value/too-small": (
        "$value is less than $minimum",
        "",
    ),
    "load.invalid-value/too-large": (
        "$value is too large (at most $maximum)",
        "",
    ),
    "load.invalid-value/percent": (
        "$value is not a percentage between 0 and 100",
        "",
    ),
    "load.invalid-value/year-range": (
        "'$value' is not a date from $first (Meiji 1) to $last",
        "check the year (dates are printed in the Japanese era, so none can be before Meiji)",
    ),
    "load.unknown-key": (
        "unknown key '$key'",
        "$advice",
    ),
    "load.missing-key": (
        "missing key '$key'",
        "add '$key:'",
    ),
    "load.missing-key/min-items": (
        "the list needs at least $count item(s)",
        "",
    ),
    "load.missing-key/exactly-one": (
        "write exactly one of $keys",
        "",
    ),
    "load.invalid-value/exactly-one": (
        "write exactly one of $keys",
        "",
    ),
    "load.yaml-syntax/key-twice": (
        "key '$key' is written twice",
        "first written at line $line",
    ),
    # ---- the loader: files and ids (load/context.py) --------------------------------------------------------------
    "load.path-invalid": (
        "$key: the path '$path' cannot be used (at most $limit characters, no control characters)",
        "name a file inside the project, with / between the parts, e.g. plan/chapters/01-intro.md",
    ),
    "load.path-outside": (
        "$key: '$path' points outside the project (../, absolute paths and symbolic links that lead out are not read)",
        "name a file inside the project, relative to its root, with / between the parts",
    ),
    "load.path-invalid/unresolvable": (
        "$key: '$path' cannot be resolved: $reason",
        "check how the path is written (its length, the characters in it)",
    ),
    "load.too-large": (
        "too large to be a plan source, not read ($detail)",
        "split the file, or delete what was pasted by mistake",
    ),
    "load.too-large/bytes": "$size bytes; at most $limit in one file",
    "load.too-large/markers": "$count ※ markers; at most $limit in one file",
    "load.too-large/pipes": "$count table separators |; at most $limit in one file",
    "load.duplicate-id": (
        "duplicate $what '$id'",
        "already used at $first; ids must be unique",
    ),
    "load.duplicate-id/part-id": "part id",
    "load.duplicate-id/table-id": "table id",
    "load.duplicate-id/record-row-id": "record row id",
    "load.duplicate-id/term-id": "term id",
    "load.duplicate-id/survey-question-id": "survey question id",
    "load.duplicate-id/errata-id": "errata id",
    "load.duplicate-id/section-id": "section id",
    "load.duplicate-id/figure-id": "figure id",
    "load.duplicate-id/mark-id": "mark id",
    "load.duplicate-id/group-id": "group id of table $table",
    "load.duplicate-id/indicator-id": "indicator id of table $table",
    # ---- the loader: measure cards (load/measures.py) -------------------------------------------------------------
    "load.measure-twice": (
        "measure '$measure' is placed twice",
        "first placed at $first",
    ),
    "load.unknown-measure": (
        "no measure card '$measure': $file does not exist",
        "$advice",
    ),
    "load.unknown-measure/create": "create $file",
    "load.invalid-value/card-id": (
        "the card's id '$id' differs from its file name",
        "write id: $measure (the file is $file)",
    ),
    "load.unknown-mark": (
        "mark '$mark' is not declared",
        "$advice",
    ),
    "load.unknown-mark/declare": "declare it in plan.yaml conventions: marks:",
    "load.measure-unplaced": (
        "measure card '$measure' is placed nowhere",
        "add ```{measure} $measure to a chapter, or delete the file",
    ),
    "load.unknown-measure/reference": (
        "no measure has the id '$measure'",
        "$advice",
    ),
    "load.unknown-measure/use-placed": "use the id of a card placed in a chapter",
    # ---- the loader: chapters (load/chapters.py) ------------------------------------------------------------------
    "load.invalid-value/chapter-file": (
        "a chapter must be a Markdown file: $file",
        "name it …/NN-name.md",
    ),
    "load.front-matter/typed": (
        "the front matter's delimiter '$typed' is typed with the full-width '$char' (U+$unicode)",
        "write --- in half-width characters (the IME off, three times -)",
    ),
    "load.front-matter": (
        "the chapter has no front matter",
        "start the file with ---, then id: and title:, then ---",
    ),
    "load.heading-skip": (
        "heading level $found where $expected was expected",
        "headings go one level down at a time: ## for a section, ### inside it …",
    ),
    # ---- the loader: directives (load/directives.py) --------------------------------------------------------------
    "load.unknown-directive": (
        "unknown directive {$name}",
        "known directives: $known",
    ),
    "load.unsupported/in-card": (
        "{$name} cannot stand inside a measure card",
        "place it in a chapter",
    ),
    "load.invalid-value/typed-id": (
        "the measure id '$id' of {measure} is typed in full-width characters",
        "write ```{measure} $typed in half-width characters",
    ),
    "load.invalid-value/measure-id": (
        "{measure} needs a measure id, found '$id'",
        "write ```{measure} ID, where plan/measures/ID.yaml is the card",
    ),
    "load.missing-key/records-file": (
        "{records} needs the table's file",
        "write ```{records} plan/tables/x.yaml",
    ),
    "load.missing-key/fence-body": (
        "{$name} needs its YAML between the fences",
        "write the keys on the lines after the opening fence",
    ),
    "load.invalid-value/fence-body": (
        "{$name} takes no text between its fences",
        "close the fence on the next line",
    ),
    # ---- the loader: Markdown (load/markdown.py) ------------------------------------------------------------------
    "load.unsupported": (
        "$what is not supported here",
        "$advice",
    ),
    "load.unsupported/what-fence": "a directive block",
    "load.unsupported/what-code-block": "an indented code block (4 spaces)",
    "load.unsupported/what-quote": "a quotation (>)",
    "load.unsupported/what-html": "raw HTML",
    "load.unsupported/what-heading": "a heading",
    "load.unsupported/hint-code-block": "remove the indentation at the start of the line",
    "load.unsupported/hint-html": "write plain text; raw HTML is not allowed in plan text",
    "load.unsupported/hint-other": "use paragraphs, '- ' bullet lists and tables (see docs/format.md)",
    "load.unsupported/not-here": (
        "$what is not allowed here",
        "write paragraphs and lists only",
    ),
    "load.unknown-directive/fence": (
        "unknown directive: $fence",
        (
            "write ```{measure} ID, ```{records} FILE, ```{indicators}, ```{figure}, ```{note} or ```{drafted}; "
            "code blocks are not plan text"
        ),
    ),
    "load.unknown-directive/no-name": "a fence without a name",
    "load.heading-id": (
        "the heading '$title' has no id",
        "end the heading with a stable id, e.g. {#purpose}",
    ),
    "load.notice/link-dropped": (
        "link to '$href' dropped, its text kept",
        "only http, https and mailto links are kept; link a web page or remove the link",
    ),
    "load.notice/image-dropped": (
        "image '$src' not shown, its description kept",
        "plan text cannot embed images; describe the figure in words",
    ),
    "load.unsupported/nested-list": (
        "nested lists are not supported",
        "write one level of '- ' items",
    ),
    # ---- the loader: plan.yaml, figures, tables, the glossary -----------------------------------------------------
    "load.old-format": (
        "plan/plan.yaml is in the old format (chapters: and appendices:)",
        "run scripts/migrate_format2.py to convert the plan to format 2",
    ),
    "load.invalid-value/part": (
        "each part is one key: chapter, appendix, glossary, survey or public-comment",
        "write one '- kind: file' item per part",
    ),
    "load.invalid-value/period": (
        "the plan period ends before it starts",
        "check period: from and to",
    ),
    "load.invalid-value/numbering": (
        "numbering pattern '$pattern': braces may only hold n or a level number, with an optional :style",
        "e.g. {n}. or ({n}) or {1}-{n} or {n:circled}",
    ),
    "load.image/type": (
        "image '$file' is not a PNG, JPEG or SVG file",
        "use a .png, .jpg, .jpeg or .svg file",
    ),
    "load.image": (
        "image '$file' not found",
        "check the path (relative to the project root)",
    ),
    "load.image/invalid": (
        "image '$file' is not a valid $format file",
        "export the picture again in that format",
    ),
    "load.invalid-value/cells": (
        "row '$row' has $cells cell(s) for $columns column(s)",
        "write one cell per column, in column order",
    ),
    "load.missing-key/reading": (
        "missing key 'reading' for '$term'",
        "the reading in kana: only terms written in Latin letters and digits may go without",
    ),
    # ---- the 表記ゆれ dictionary (lint/hyoki.py) ------------------------------------------------------------------
    "load.regex-too-slow": (
        (
            "the 表記ゆれ regular expression '$pattern' did not finish within $seconds s and was stopped (nested "
            "repetition and the like make the search explode)"
        ),
        (
            "avoid nested repetition such as (a+)+ or (a|aa)+; if you can, use a plain string pattern instead of a "
            "regular expression"
        ),
    ),
    "load.invalid-value/pattern-is-expected": (
        "a pattern equal to expected replaces nothing",
        "remove the pattern",
    ),
    "load.invalid-value/spec-fails": (
        "spec fails: '$source' becomes '$result', not '$expected'",
        "fix the rule's patterns or the spec",
    ),
    "load.invalid-value/regex": (
        "the regular expression '$pattern' is malformed: $error",
        (
            "check the pattern between the / and / (to look for the characters themselves, write them without the "
            "slashes)"
        ),
    ),
    "load.invalid-value/regex-group": (
        "the pattern '$pattern' has no group (parentheses) for $reference in expected (it has $groups)",
        "add ( ) to the pattern, or correct the number after $$ in expected",
    ),
    # ---- kplan fmt ------------------------------------------------------------------------------------------------
    "fmt.would-change": "kplan fmt --check: $count file(s) would change; run kplan fmt",
    "fmt.formatted": "formatted $file",
    "fmt.unsafe/ruamel": (
        "kplan fmt cannot rewrite this file: ruamel.yaml, which does the rewriting, cannot read it ($problem)",
        "check the tabs, unusual line breaks (U+2028 …) and tags (!!…) here; the file is unchanged",
    ),
    "fmt.unsafe": (
        "rewriting with kplan fmt would change how this value reads, so the file is not rewritten",
        (
            "check the line breaks, spaces and quotes here (a \\r alone, a tab at the end of a line, yes/no …); "
            "the file is unchanged"
        ),
    ),
    # ---- kplan lint -----------------------------------------------------------------------------------------------
    "cli.lint-summary": "kplan lint: $errors error(s), $warnings warning(s)$infos$strict",
    "cli.lint-summary/infos": ", $count info",
    "cli.lint-summary/strict": " (--strict: warnings count as errors)",
    "cli.lint-fixed": "fixed: $what",
    "cli.lint-not-fixed": "not fixed: $what: $reason",
    "cli.lint-fix-summary": "kplan lint --fix: $count fixed, $files file(s) updated$names",
    # ---- the command line: finding the plan (project.py) ----------------------------------------------------------
    "cli.no-project": (
        "no plan found in $start or any parent directory (looked for $marker)",
        "run kplan inside a plan checkout, or give one with -C DIR",
    ),
    "cli.no-project/unreadable": (
        "cannot open $start: $reason",
        "run kplan inside a plan checkout, or give one with -C DIR",
    ),
    # ---- kplan diff: editions (diff/editions.py) ------------------------------------------------------------------
    "diff.unreadable-edition": (
        "the edition $argument ($source) cannot be read: $count problem(s)",
        "fix its sources, or compare another edition",
    ),
    "diff.not-in-git": (
        "$start is not inside a git repository, so only plan directories can be compared",
        "give two plan directories, or run kplan inside the plan's git checkout",
    ),
    "diff.git-failed": (
        "git $command failed: $reason",
        "check that git works in this checkout",
    ),
    "diff.not-a-version": (
        "'$argument' is not a version",
        "give a plan directory, a label such as v1, or a ref",
    ),
    "diff.unknown-version": (
        "'$argument' is not a plan directory, an edition label (v1, v2.0…) or a git ref",
        "give a directory with plan/plan.yaml, a label such as v1, or a commit, tag or branch",
    ),
    "diff.no-edition": (
        "no edition $label: no tag $label and no commit with the trailer '$trailer: $label' in the history of HEAD",
        "list the editions with: git log --grep='^$trailer:'; or give a commit or a directory",
    ),
    "diff.no-plan-dir": (
        "commit $commit has no ${prefix}plan/ directory",
        "give a commit made after the plan was added",
    ),
    # ---- kplan init (init/__init__.py) ----------------------------------------------------------------------------
    "cli.init-failed": (
        "could not create the plan in $directory: $reason",
        "check that the directory's parent exists and is writable",
    ),
    "cli.init-not-empty": (
        "$directory is not empty; kplan init only creates a plan in an empty directory",
        "choose a new directory, or an empty one",
    ),
    "cli.init-not-a-directory": (
        "$directory exists and is not a directory",
        "choose a new directory, or an empty one",
    ),
    "cli.init-value": (
        "the $name must be given",
        "give one line of text, e.g. 〇〇市 and 情報化推進計画",
    ),
    "cli.init-value/too-long": (
        "the $name is longer than $limit characters",
        "give one line of text, e.g. 〇〇市 and 情報化推進計画",
    ),
    "cli.init-value/control": (
        "the $name must be one line without control characters (found U+$unicode)",
        "give one line of text, e.g. 〇〇市 and 情報化推進計画",
    ),
    "cli.init-value/yaml": (
        "cannot write '$value' as YAML",
        "give one line of text, e.g. 〇〇市 and 情報化推進計画",
    ),
    "cli.init-value/municipality": "municipality",
    "cli.init-value/title": "title",
    # ---- the command line (cli.py) --------------------------------------------------------------------------------
    "cli.unknown-value": (
        "unknown $what '$value'",
        "use one of: $choices",
    ),
    "cli.unknown-value/language": "language",
    "cli.unknown-value/profile": "profile",
    "cli.unknown-value/variant": "PDF variant",
    "cli.unknown-value/family": "family",
    "cli.unknown-value/format": "format",
    "cli.unwritable": (
        "cannot write $path: $reason",
        (
            "check that the directory is writable and the disk has room, or give another output with -o (the "
            "previous outputs are left as they were)"
        ),
    ),
    "cli.wrote": "wrote $path",
    "cli.wrote-site": "wrote $index ($count files in $directory)",
    "cli.init-needs-values": (
        "--municipality and --title are needed",
        "give both, e.g. --municipality 〇〇市 --title 情報化計画",
    ),
    "cli.prompt-municipality": "Municipality (自治体名)",
    "cli.prompt-title": "Title of the plan (計画の名前)",
    "cli.created": "created a new plan in $directory ($count files); next: kplan -C $directory lint",
    "cli.diff-template": (
        "$error",
        "fix the template, or delete it from templates/ to use kplan's own",
    ),
    # ---- kplan build ----------------------------------------------------------------------------------------------
    "build.refused": "refused to load $url: only files inside the project may be loaded",
    "cli.unchanged-site": "unchanged $index ($count files in $directory; nothing it is made from has changed)",
    "cli.unchanged": "unchanged $path (nothing it is made from has changed)",
    # ---- help: the commands and their options (cli.py), click's own words (helpformat.py) -------------------------
    "help.usage": "Usage: ",
    "help.heading-options": "Options",
    "help.heading-commands": "Commands",
    "help.heading-arguments": "Arguments",
    "help.help-option": "Show this message and exit.",
    "help.default": "[default: $value]",
    "help.required": "[required]",
    "help.options-metavar": "[OPTIONS]",
    "help.subcommand-metavar": "COMMAND [ARGS]...",
    "help.kplan": (
        "kplan: keep a city's plan document as source; check it, compare editions, build the site and the PDF."
    ),
    "help.kplan.example": (
        "\x08\nExamples:\n  kplan lint           check the plan\n  kplan build          build the site and the "
        "PDF\n  kplan diff v1 .      compare v1 with the plan as it is now\n  kplan build --help   the help of one "
        "command"
    ),
    "help.kplan.C": "Work on the plan in DIR instead of the current directory.",
    "help.kplan.lang": (
        "The language of messages and help: ja (Japanese, the default) or en (English); also KPLAN_LANG."
    ),
    "help.build": (
        "Build the plan as an HTML site and a print-ready PDF (both unless --html or --pdf is given). An output "
        "whose sources, templates, options and kplan are unchanged since the last build is left as it is."
    ),
    "help.build.short": "Build the HTML site and the PDF.",
    "help.build.example": (
        "\x08\nExamples:\n  kplan build                        the site and the PDF\n  kplan build --html          "
        "       only the site\n  kplan build --pdf --profile print  the PDF for the print shop (crop marks)\n  "
        "kplan build --strict               nothing when lint finds errors"
    ),
    "help.build.html": "Build the HTML site (build/html/).",
    "help.build.pdf": "Build the PDF (build/pdf/).",
    "help.build.out": "Output directory (default: build/ in the checkout).",
    "help.build.profile": (
        "PDF profile: 'download' for the website; 'print' adds 3 mm bleed and crop marks (トンボ) for the print "
        "shop and writes plan-EDITION-print.pdf."
    ),
    "help.build.pdf-variant": (
        "PDF standard to follow: pdf/ua-1 (tagged, accessible; the default), pdf/a-3u, pdf/a-2b, pdf/x-4 … (any "
        "WeasyPrint variant), or 'none'."
    ),
    "help.build.force": "Make every output again, even those whose sources, templates and options are unchanged.",
    "help.build.strict": "Refuse to build (exit 1, outputs kept) when kplan lint finds errors.",
    "help.init": (
        "Start a new plan: plan/ and glossary/ with one example of each part, schemas, editor and CI settings."
    ),
    "help.init.short": "Start a new plan.",
    "help.init.example": "\x08\nExample:\n  kplan init my-plan --municipality 〇〇市 --title 情報化推進計画",
    "help.init.directory": "The new plan's directory (created; must be empty or absent).",
    "help.init.municipality": "The municipality, e.g. 〇〇市 (asked when a terminal is attached).",
    "help.init.title": "The plan's title, e.g. 第2次情報化推進計画 (asked when a terminal is attached).",
    "help.import": (
        "Bring an existing plan in from Word or Markdown: chapters, sections, tables, figures, the 用語解説 and ※ "
        "markers become a new plan; prints what it carried and every place it had to guess."
    ),
    "help.import.short": "Import a plan from Word or Markdown.",
    "help.import.example": (
        "\x08\nExamples:\n  kplan import 計画書.docx my-plan\n  kplan import 計画書.docx my-plan --measures 第3章"
    ),
    "help.import.source": "The plan as a Word document (.docx) or Markdown (.md).",
    "help.import.directory": (
        "The new plan's directory (created; must be empty or absent). Default: the file's name without its "
        "extension, in the current directory."
    ),
    "help.import.municipality": "The municipality, when the title does not say it.",
    "help.import.title": "The plan's title, instead of the document's.",
    "help.import.measures": (
        "Make measure cards of this chapter's sections (heading, text, a list), e.g. --measures 第3章."
    ),
    "help.lint": (
        "Check the plan: ※ terms and the 用語解説, the text, references. Exit 0: no error; 1: errors (or warnings "
        "with --strict); 2: the sources cannot be read."
    ),
    "help.lint.short": "Check the plan: terms, text, references.",
    "help.lint.example": (
        "\x08\nExamples:\n  kplan lint                 every rule\n  kplan lint glossary        only the glossary "
        "rules\n  kplan lint --fix           apply the safe fixes\n  kplan lint --format json   JSON for tools"
    ),
    "help.lint.family": (
        "Only one family of rules: glossary (※ terms and the 用語解説), text (characters, spelling, 表記ゆれ) or "
        "refs (references, the 正誤表, empty dates)."
    ),
    "help.lint.format": (
        "text: one finding a line, file:line:column: severity rule-id message (suggestion: …); json: an array of "
        "objects; github: workflow annotations."
    ),
    "help.lint.strict": "Count warnings as errors for the exit code.",
    "help.lint.fix": (
        "Apply the safe fixes in the source files (YAML through a round trip that keeps comments and formatting), "
        "say what changed, then report what is left."
    ),
    "help.fmt": (
        "Write the YAML sources in canonical form: keys in schema order, the 用語解説 in アルファベット・50音順. "
        "Comments, quoting and line endings are kept; a file already canonical is not touched."
    ),
    "help.fmt.short": "Write the YAML sources in canonical form.",
    "help.fmt.example": (
        "\x08\nExamples:\n  kplan fmt                 rewrite in canonical form\n  kplan fmt --check         "
        "change nothing, list what would change\n  kplan fmt --encoding      convert Shift_JIS files to UTF-8"
    ),
    "help.fmt.check": "Change nothing; list the files that are not in canonical form and exit 1 if any.",
    "help.fmt.encoding": (
        "Convert source files saved in Shift_JIS (CP932) or EUC-JP to UTF-8, showing how each reads first (with "
        "--check: only show them)."
    ),
    "help.export": "Export the whole plan as one file: cover to colophon as Markdown, e.g. for pandoc.",
    "help.export.short": "Export the whole plan as one Markdown file.",
    "help.export.example": (
        "\x08\nExamples:\n  kplan export                  write build/plan-EDITION.md\n  kplan export -o - | "
        "pandoc -o plan.docx"
    ),
    "help.export.format": "Export format (md: pandoc Markdown).",
    "help.export.out": "Where to write (default: build/plan-EDITION.md; '-' for stdout).",
    "help.schema": "Write the JSON Schemas of the YAML sources, for validation and completion in editors.",
    "help.schema.short": "Write the JSON Schemas of the YAML sources.",
    "help.schema.example": "\x08\nExample:\n  kplan schema schema/",
    "help.schema.directory": "Where to write the JSON Schema files.",
    "help.diff": (
        "Compare two editions of the plan, down to the character; exit 0 when they are the same, 1 when they "
        "differ, 2 on error (as diff(1) does)."
    ),
    "help.diff.short": "Compare two editions (the 新旧対照表).",
    "help.diff.example": (
        "\x08\nExamples:\n  kplan diff v1 .                 v1 against the working tree (terminal)\n  kplan "
        "diff v1 v2 --format html  the 新旧対照表 as HTML\n  kplan diff v1 v2 --format pdf   the 新旧対照表 as a "
        "PDF (A4 landscape)"
    ),
    "help.diff.old": (
        "The old edition (改定前): a plan directory, an edition label such as v1 (a tag, else the commit whose "
        "message has the trailer 'Plan-Edition: v1'), or a git ref (commit, tag, branch)."
    ),
    "help.diff.new": "The new edition (改定後), given the same ways as OLD; '.' is the working tree.",
    "help.diff.format": (
        "text (the terminal; coloured only on a terminal), json (schema in docs/diff.md), md, html or pdf (the "
        "新旧対照表; the PDF is A4 landscape)."
    ),
    "help.diff.out": (
        "Write to FILE instead of standard output. html and pdf always go to a file: by default "
        "build/diff/OLD-NEW.html or .pdf in the checkout."
    ),
    # ---- kplan build: templates (render/template_errors.py) -------------------------------------------------------
    "build.template": (
        "the template cannot be rendered: $error",
        "fix this file in templates/, or delete it to go back to kplan's own template; the outputs are as they were",
    ),
    "build.template/not-found": (
        "template $name not found",
        "fix this file in templates/, or delete it to go back to kplan's own template; the outputs are as they were",
    ),
    "build.template/syntax": (
        "the template is malformed: $error",
        "fix this file in templates/, or delete it to go back to kplan's own template; the outputs are as they were",
    ),
    # ---- kplan diff: the terminal (diff/terminal.py) --------------------------------------------------------------
    "diff.same": "no changes: $old and $new are the same",
    "diff.summary": "$total changes: $parts",
    "diff.summary/one": "$total change: $parts",
    "diff.count": "$count $kind",
    "diff.change/added": "added",
    "diff.change/removed": "removed",
    "diff.change/changed": "changed",
    "diff.change/renamed": "renamed",
    "diff.change/moved": "moved",
    "diff.change/renumbered": "renumbered",
    "diff.old": "old",
    "diff.new": "new",
    "diff.reconstructed": "note: $argument is reconstructed, not the city's official text: $reason",
    "diff.none": "(none)",
    "word.comma": ", ",
    # ---- the command line: click's usage errors (helpformat.py) ---------------------------------------------------
    "cli.usage": (
        "$problem",
        "$command $option shows the usage",
    ),
    "cli.usage/no-such-option": "No such option: $option$more",
    "cli.usage/no-such-command": "No such command '$name'.$more",
    "cli.usage/missing-argument": "Missing argument '$name'.",
    "cli.usage/missing-option": "Missing option '$name'.",
    "cli.usage/needs-value": "Option '$name' requires an argument.",
    "cli.usage/no-value": "Option '$name' does not take a value.",
    "cli.usage/extra": "Got unexpected extra argument(s) ($extra)",
    "cli.usage/invalid": "Invalid value for '$name': $reason",
    "cli.usage/no-command": "Missing command.",
    "cli.usage/possible": " (Possible options: $choices)",
    "cli.usage/did-you-mean": " Did you mean '$close'?",
    # ---- kplan build's lint summary, lint --fix's slips, kplan fmt --encoding -------------------------------------
    "cli.build-lint-summary": (
        "kplan build: kplan lint finds $errors error(s), $warnings warning(s) (see kplan lint; with --strict, "
        "errors stop the build)"
    ),
    "cli.build-strict": (
        "kplan build --strict: nothing built because of the errors (the previous outputs are as they were)"
    ),
    "cli.lint-fixed-slips": (
        "kplan lint --fix: made the full-width indentation, colons and hyphens of $file half-width"
    ),
    "cli.encoding-all-utf8": "kplan fmt --encoding: every source file is UTF-8",
    "cli.encoding-unknown": (
        "the encoding cannot be told (neither UTF-8 nor Shift_JIS nor EUC-JP); not converted",
        "save it again as UTF-8 in the program that made it",
    ),
    "cli.encoding-found": "$file: saved in $encoding → $action. It begins:",
    "cli.encoding-found/can-convert": "can be converted",
    "cli.encoding-found/converts": "converted to UTF-8",
    "cli.encoding-check": "kplan fmt --encoding --check: $count file(s) not in UTF-8",
    "cli.encoding-converted": "kplan fmt --encoding: $count file(s) converted to UTF-8",
    # ---- lint: content rules (lint/content_rules.py) ---------------------------------------------------------------
    "word.figure/caption": "the figure '$caption'",
    "word.figure/id": "the figure (id: $id)",
    "lint.figure-alt": (
        "$figure has no alternative text",
        "describe the figure in words in alt: (screen readers read it aloud)",
    ),
    "lint.figure-missing": (
        "$figure has no image and is printed as '$label' ($words)",
        "when the image arrives, name its file in image:",
    ),
    "lint.figure-missing/words": "the words in the figure are printed instead",
    "lint.figure-missing/no-words": "and it has no words (words:) either",
    "lint.indicator-year/target": (
        "the target year $year of the indicator '$indicator' is outside the plan period (fiscal $start–$end)",
        "check the target year or the plan period (period: in plan.yaml)",
    ),
    "lint.indicator-year/baseline": (
        "the baseline year $year of the indicator '$indicator' is after the plan period starts (fiscal $start)",
        "check the baseline year or the plan period (period: in plan.yaml)",
    ),
    "lint.drafted-text": (
        "text we drafted, not yet confirmed by the city: '$excerpt'",
        "confirm it with the city; once it is final, remove its drafted mark",
    ),
    # ---- lint: reference rules (lint/refs_rules.py) ----------------------------------------------------------------
    "lint.measure-ref": (
        "the plan has no measure card '$measure'",
        "write the id of a measure card placed in a chapter (a file of plan/measures/)",
    ),
    "lint.errata-ref/no-file": (
        "the file $file of the errata entry '$id' does not exist",
        "correct file:",
    ),
    "lint.errata-ref/right-missing": (
        "the right text '$right' of the errata entry '$id' is not in $file",
        "correct the text, or right: of the errata entry",
    ),
    "lint.errata-ref/wrong-remains": (
        "the wrong text '$wrong' that the errata entry '$id' corrects is still there",
        "change it to '$right'",
    ),
    "lint.empty-date/revised": (
        "the revision date of edition $edition is not set yet ($printed)",
        "write the year and month of the revision in dates: revised: of plan.yaml (e.g. 2024-03)",
    ),
    "lint.empty-date/printed-nothing": "nothing is printed",
    "lint.empty-date/printed-as": "printed as '$label'",
    "lint.empty-date/blank": (
        "the date is blank: '$date'",
        "fill in the year and the month",
    ),
    # ---- lint: merged items and raw HTML (lint/markup_rules.py) ----------------------------------------------------
    "lint.merged-items": (
        "a line starting with '$mark' joins the line before it and is shown as one item (lines $lines)"
    ),
    "lint.merged-items/hint-markdown": (
        "for separate items, start each line with an ASCII '- ' and leave a blank line after the paragraph before; "
        "to continue the sentence, join the line to the one before"
    ),
    "lint.merged-items/hint-yaml": (
        "every item of a YAML list starts with '- ' at the same indentation: align this one with the item before"
    ),
    "lint.raw-html/comment": (
        "the HTML comment '$shown' is not hidden: it is shown as typed",
        "keep notes that should not be printed outside the plan's files",
    ),
    "lint.raw-html/tag": "the HTML tag '$shown' cannot be used: it is shown as typed",
    "lint.raw-html/hint-br": (
        "a line break cannot be made: leave a blank line to start a new paragraph, or make a '- ' list of items"
    ),
    "lint.raw-html/hint-a": "write a link as [the words shown](https://…)",
    "lint.raw-html/hint-img": "place an image with ```{figure}",
    "lint.raw-html/hint-table": "write a table as a Markdown table (rows divided by |) or a YAML table (```{records})",
    "lint.raw-html/hint-list": "start each line of a list with an ASCII '- '",
    "lint.raw-html/hint-other": "delete the tag (bold, colours and other decoration are not available)",
    # ---- lint: glossary rules (lint/glossary_rules.py) -------------------------------------------------------------
    "word.glossary": "the glossary",
    "word.glossary/named": "$title ($file)",
    "lint.unknown-term/explicit": "the term of ※{$name} is not in the glossary",
    "lint.unknown-term/marked": "the word marked with ※ ('…$before') is not in the glossary",
    "lint.unknown-term/hint-near": "near terms: $terms",
    "lint.unknown-term/hint-add": "add it to $glossary, or remove the ※",
    "lint.term-unused": (
        "the term '$term' is marked with ※ nowhere in the text",
        "write '$term※' at its first occurrence, $where",
    ),
    "lint.first-occurrence-unmarked": (
        "the first occurrence of the term '$spelling' has no ※ (the ※ is later, at $marker)",
        "the ※ belongs on the first occurrence: write '$spelling※' here and remove the ※ at $marker",
    ),
    "lint.term-not-in-text": "the spelling of the term '$term' is nowhere in the text",
    "lint.term-not-in-text/hint-near": (
        "the nearest spelling in the text is '$spelling' ($where): spell the term in the glossary as the text does"
    ),
    "lint.term-not-in-text/hint-none": (
        "nothing in the text is spelled near it either: remove it from the glossary, or check the text"
    ),
    "lint.glossary-order": (
        "the term '$term'$reading is out of alphabetical and 50音 order",
        "move it $where (kplan fmt can sort the glossary)",
    ),
    "lint.glossary-order/reading": " (reading: $reading)",
    "lint.glossary-order/after": "after '$after'",
    "lint.glossary-order/before": "before '$before'",
    "lint.glossary-order/between": "after '$after' and before '$before'",
    "lint.reading/not-kana": (
        "the reading '$reading' of the term '$term' is not kana",
        "write the reading in hiragana (or katakana): it is used for the 50音 order and for search",
    ),
    "lint.reading/mismatch": (
        "the reading '$reading' does not match the term '$term'",
        "the reading is '$expected'",
    ),
    "lint.reading-unconfirmed": (
        "the reading '$reading' of the term '$term' is not confirmed yet",
        "check the reading and, if it is right, remove reading_confirmed: false",
    ),
    "lint.duplicate-term": (
        "'$spelling' is in the glossary twice (first: '$first' at $where)",
        "merge them into one, or remove one of the spellings",
    ),
    "lint.empty-definition": (
        "the definition of the term '$term' is empty",
        "write the definition of the term",
    ),
    # ---- lint: text rules (lint/text_rules.py) ---------------------------------------------------------------------
    "word.script/greek": "Greek letters",
    "word.script/cyrillic": "Cyrillic letters",
    "word.script/armenian": "Armenian letters",
    "word.script/hebrew": "Hebrew letters",
    "word.script/arabic": "Arabic letters",
    "word.script/thai": "Thai letters",
    "word.script/hangul": "Hangul",
    "lint.foreign-script": (
        "$script '$chars' inside Japanese text: $context",
        "these are other characters of a similar shape ($names): type them again as katakana or kanji",
    ),
    "lint.broken-character/replacement": (
        "mojibake (U+FFFD)",
        "look at the original document and type the right character",
    ),
    "lint.broken-character/private-use": (
        "a gaiji (a private-use character, $code)",
        "it does not show on other computers: write it with a standard character",
    ),
    "lint.broken-character/control": (
        "a control character $code",
        "delete the character",
    ),
    "lint.broken-character/invisible": (
        "an invisible character $code",
        "delete the character",
    ),
    "lint.old-kanji": (
        "an old or variant form of a kanji, '$old'",
        "use the form of the 常用漢字表, '$new'",
    ),
    "lint.marker-asterisk/asterisk": "'$mark' is used as the term marker",
    "lint.marker-asterisk/bracketed": "the term marker is written '$mark'",
    "lint.marker-asterisk/hint-resolves": "write '※'",
    "lint.marker-asterisk/hint-add-term": (
        "write '※' and add the term to the glossary (the word before it is not in the glossary)"
    ),
    "lint.near-miss": (
        "is '$window' a slip for the term '$term'?",
        "spell it as the glossary does: '$term'",
    ),
    "lint.fullwidth-alnum": (
        "full-width letters or digits '$old'",
        "write them half-width: '$new'",
    ),
    "lint.halfwidth-kana": (
        "half-width katakana '$old'",
        "write them full-width: '$new'",
    ),
    "lint.doubled-particle": (
        "the particle '$particle' is doubled: '$text'",
        "keep one '$particle'",
    ),
    "lint.missing-period": (
        "the sentence has no 「。」 at its end",
        "end the sentence with 「。」",
    ),
    "lint.spelling-variant": (
        "the word is written both '$rare' and '$common'",
        "use one of them ('$common': $other); the spelling to keep can be entered in the 表記ゆれ dictionary "
        "$dictionary",
    ),
    "lint.style-dictionary": (
        "'$old' is written '$new'$note",
        "write '$new' (表記ゆれ dictionary $dictionary)",
    ),
    "lint.style-dictionary/note": " ($note)",
    # ---- lint: IME slips in Markdown (lint/ime_rules.py) -----------------------------------------------------------
    "word.full-width-space": "a full-width space (U+3000)",
    "word.full-width-char": "'$char' ($point)",
    "lint.ime-heading/marks": (
        "the heading's '$typed' holds full-width characters: $chars",
        "write it in ASCII: '$fixed' (kplan lint --fix does it)",
    ),
    "lint.ime-heading/paragraph": (
        "'$typed', meant as a heading, is typed full-width and is shown as body text: $chars",
        "for a heading, write an ASCII # and an ASCII space, and end the line with {#id} (e.g. ## 目的 {#purpose})",
    ),
    "lint.ime-heading-id": (
        "the heading id '$typed' holds full-width characters: $chars",
        "write it in ASCII: '$fixed' (kplan lint --fix does it)",
    ),
    "lint.ime-directive/fence": "the fence (```) holds full-width characters: $chars",
    "lint.ime-directive/name": "the directive's name holds full-width characters: $chars",
    "lint.ime-directive/hint-fixed": "write it in ASCII: '$fixed' (kplan lint --fix does it)",
    "lint.ime-directive/hint-ascii": "write an ASCII ``` and an ASCII directive name such as {measure}",
    "lint.ime-indent": (
        "'$marker' after a full-width space (U+3000) at the start of the line makes no list item: it is $joined",
        "delete the full-width space and start the line with an ASCII '- ' (lists have one level only)",
    ),
    "lint.ime-indent/joined": "shown joined to the item or paragraph before",
    "lint.ime-indent/as-text": "shown as text",
    "lint.ime-list-marker": (
        "the full-width $chars at the start of the line is no list marker: it is shown as text",
        "for a list item, start the line with an ASCII '- ' (a hyphen and an ASCII space)",
    ),
    # ---- lint --fix: why a fix was not made (lint/fix.py) ----------------------------------------------------------
    "cli.lint-not-fixed/outside-project": "files outside the project are not fixed",
    "cli.lint-not-fixed/unreadable": "cannot read the file: $error",
    "cli.lint-not-fixed/failed": "the fix could not be made ($error)",
    "cli.lint-not-fixed/moved": "the file has changed and the place no longer matches: run kplan lint again",
    "cli.lint-not-fixed/overlaps": "it overlaps another fix: the next run makes it",
    "cli.lint-not-fixed/yaml-unreadable": "cannot read it as YAML: $error",
    "cli.lint-not-fixed/yaml-no-place": "the place to fix cannot be found in the YAML value",
    "cli.lint-not-fixed/yaml-reads-differently": (
        "writing the YAML back would change how values other than the fixed one read: fix it by hand"
    ),
    "cli.lint-not-fixed/yaml-not-in-value": "the place to fix is not inside a YAML value",
    "cli.lint-not-fixed/yaml-other-lines": (
        "writing the YAML back would change lines other than the fixed one: fix it by hand"
    ),
    # ---- lint's reports (lint/report.py, lint/fix.py) --------------------------------------------------------------
    "word.suggestion/annotation": "\nsuggestion: $suggestion",
    "word.change": "'$old' → '$new'",
    # ---- kplan import: reading the input (importer/container.py, errors.py) ------------------------------------------
    "word.where-paragraph": "$file:paragraph $number",
    "import.not-found": ("file not found", "check the file name and where it is"),
    "import.not-a-file": ("this is a folder, not a file", "give the .docx or .md file to import"),
    "import.too-large/file": (
        "the file is too large ($size MB, the limit is $limit MB)",
        "compress the pictures, or import it chapter by chapter",
    ),
    "import.unreadable": ("cannot read the file ($reason)", "check that you may read the file"),
    "import.encrypted/password": (
        "the Word document is protected by a password",
        "open it in Word, remove the password under File → Info → Protect Document, and save it again",
    ),
    "import.old-format/or-not-word": (
        "an old Word document (.doc), or not a Word document",
        "open it in Word, choose Save As and save it again as a Word Document (*.docx)",
    ),
    "import.empty/file": ("the file is empty", "give a file that has the document in it"),
    "import.not-docx/pdf": (
        "this is a PDF, not a Word document (.docx)",
        "open it in Word, choose Save As and save it again as a Word Document (*.docx)",
    ),
    "import.not-docx": (
        "not a Word document (.docx)",
        "open it in Word, choose Save As and save it again as a Word Document (*.docx)",
    ),
    "import.corrupt/package": (
        "the Word document is damaged (cut off, or its contents cannot be read)",
        "open it in Word, choose Save As and save it again as a Word Document (*.docx)",
    ),
    "import.not-docx/excel": (
        "this is an Excel workbook, not a Word document",
        "open it in Word, choose Save As and save it again as a Word Document (*.docx)",
    ),
    "import.not-docx/powerpoint": (
        "this is a PowerPoint file, not a Word document",
        "open it in Word, choose Save As and save it again as a Word Document (*.docx)",
    ),
    "import.not-docx/no-body": (
        "not a Word document (.docx): no document body in it",
        "open it in Word, choose Save As and save it again as a Word Document (*.docx)",
    ),
    "import.too-large/members": ("too many files inside the Word document", "split the document and import the parts"),
    "import.encrypted/member": ("the Word document is encrypted", "remove the password, then save it again"),
    "import.too-large/expanded": (
        "the Word document grows too large when unpacked (a zip bomb, or huge pictures)",
        "compress the pictures, or split the document",
    ),
    "import.corrupt/member": (
        "the Word document is damaged (a file inside cannot be read)",
        "open it in Word, choose Save As and save it again as a Word Document (*.docx)",
    ),
    "import.unsafe": (
        "the Word document has XML declarations Word never writes (DOCTYPE, ENTITY) in $part",
        "use a copy opened and saved again in Word",
    ),
    "import.not-text": ("not a text file", "a Markdown file (.md) holds only text"),
    "import.encoding/unknown": (
        "cannot tell the character encoding (neither UTF-8 nor Shift_JIS)",
        "save the file again as UTF-8",
    ),
    # ---- kplan import: reading Word documents (importer/docx_reader.py) ----------------------------------------------
    "import.corrupt/word": (
        "the Word document is damaged and cannot be read",
        "open it in Word, choose Save As and save it again as a Word Document (*.docx)",
    ),
    "import.contents-dropped/word": "skipped Word's table of contents (kplan makes its own)",
    "import.textbox": "put the text of a text box after its paragraph",
    "import.dropped/symbol": "left out characters of a symbol font (w:sym), which cannot be read",
    "import.dropped/chart": "Word charts cannot be imported (paste the chart as a picture)",
    "import.dropped/smartart": "SmartArt cannot be imported (paste it as a picture)",
    "import.dropped/table-image": "pictures inside a table cannot be imported (put them outside the table)",
    "import.footnote": "made $count footnote(s) into a note after the paragraph",
    "import.nested-table": "put only the text of a table inside a table into the outer table's cell",
    # ---- kplan import: Markdown, clean-up, measure cards (importer/md_reader.py, cleanup.py, measures.py) ------------
    "import.encoding": "read as Shift_JIS, since the file is not UTF-8",
    "import.code-block": "made each line of a code block a paragraph of text",
    "import.control-characters": "removed control or invisible characters in $count place(s)",
    "import.measures-not-found": (
        "no chapter matches --measures $spec",
        "give the chapter's number (e.g. 第3章 or 3) or part of its title",
    ),
    "import.measure-skipped/not-cards": (
        "kept the sections under '$parent' as text, none as measure cards, since '$section' is not in the form of a "
        "card ($reason)"
    ),
    "import.measure-skipped/why-subheadings": "it has more than one sub-heading",
    "import.measure-skipped/why-other-subheading": "it has a sub-heading other than 取組内容 (actions)",
    "import.measure-skipped/why-not-one-list": "there is more than one list under '$label'",
    "import.measure-skipped/why-no-actions": "it does not end with a list of actions",
    "import.measure-skipped/why-tables": "it has tables or notes",
    # ---- kplan import: indicator tables and the glossary (importer/components.py, glossary.py) -----------------------
    "import.indicators-uncertain/column": (
        "kept as a table: it looks like an indicator table but has the column '$column'"
    ),
    "import.indicators-uncertain/merged": "kept as a table: it looks like an indicator table but has merged cells",
    "import.indicators-uncertain/no-name": (
        "kept as a table: it looks like an indicator table but a row has no indicator name"
    ),
    "import.indicators-uncertain/value": (
        "kept as a table: it looks like an indicator table but the value '$value' cannot be read as a number"
    ),
    "import.indicators-uncertain/units": (
        "kept as a table: it looks like an indicator table but the values' units differ"
    ),
    "import.glossary-entry/no-definition": "no definition found for the term '$term'",
    "import.glossary-entry/guessed": "took '$text' as a term and the next paragraph as its definition",
    "import.glossary-unrecognised/paragraph": "cannot split '$text' into a term and its definition",
    "import.glossary-unrecognised/list-item": "cannot split the list item '$text' into a term and its definition",
    "import.glossary-unrecognised/note": "cannot split a note in the glossary into a term and its definition",
    "import.glossary-unrecognised/other": (
        "the glossary holds something other than terms and definitions (a figure or the like)"
    ),
    "import.glossary-unrecognised/no-terms": "no terms found in the glossary",
    "import.glossary-unrecognised/table-columns": (
        "the glossary table has too few columns (it needs two: term and definition)"
    ),
    "import.glossary-unrecognised/table-row": "the glossary table's row '$text' lacks a term or a definition",
    # ---- kplan import: pictures (importer/components.py) -------------------------------------------------------------
    "import.image/why-link": "a linked picture (kept outside the file) cannot be imported",
    "import.image/why-outside": "a picture outside the document's folder cannot be imported",
    "import.image/why-missing": "picture file not found",
    "import.image/why-too-large": "the picture file is too large",
    "import.image/why-unreadable": "cannot read the picture",
    "import.image/why-format": "$kind pictures cannot be used (use PNG or JPEG)",
    "import.image/why-unknown-format": "pictures of an unknown format cannot be used (use PNG or JPEG)",
    "import.image/why-svg": "the SVG picture holds scripts or references outside it, so it cannot be used (use PNG)",
    # ---- kplan import: writing the plan (importer/writer.py) ---------------------------------------------------------
    "import.link-dropped/scheme": "kept only the text of the link to '$url', which is not http, https or mailto",
    "import.link-dropped/action": "kept only the text of the links in an action item",
    "import.link-dropped/definition": "kept only the text of the links in the definition of '$term'",
    "import.nested-list": "flattened a nested list to one level (kplan's lists have one level)",
    "import.merged-cells": (
        "split $count merged table cell(s) (in the header rows, the texts above and below were joined)"
    ),
    "import.image-alt": "the picture has no alternative text (lint's figure-alt will ask for an alt:)",
    "import.image": "$reason; the figure was placed as 「図は未収録」 (figure not included)",
    "import.actions-label": (
        "the measure cards' lists of actions get kplan's heading 「取組内容」 (change it with labels: actions in "
        "plan.yaml)"
    ),
    "import.reading": "could not guess the reading of '$term' (put '$placeholder' for now)",
    "import.alias": "left out the alias '$alias', spelt the same as another term",
    "import.glossary-order": (
        "kept the terms in the order written (order: as-written): the order does not match the guessed readings in "
        "50音 order ($terms$more)"
    ),
    "import.glossary-order/term": "'$term'",
    "import.glossary-order/separator": ", ",
    "import.glossary-order/more": " and $count more",
    # ---- kplan import: structure and numbering (importer/structure.py, numbering.py) ---------------------------------
    "word.level/chapter": "chapter",
    "word.level/appendix": "appendix",
    "word.level/section": "section",
    "word.level/subsection": "subsection",
    "word.level/item": "sub-subsection",
    "word.level/named": "$name (level $depth)",
    "word.level/deep": "level $depth",
    "word.typed-number": "'$number'",
    "word.typed-number/none": "no number",
    "import.numbering-mixed/some-unnumbered": (
        "some $what headings have a number and some do not (such as '$title'), so the numbers were left in the "
        "headings as written"
    ),
    "import.numbering-mixed/styles": (
        "the $what headings are numbered in different styles ($kinds), so the numbers were left in the headings as "
        "written"
    ),
    "import.numbering-mixed/separator": ", ",
    "import.numbering-kept/pattern": (
        "kplan's numbering formats cannot express the $what number $number, so the numbers were left in the headings "
        "as written"
    ),
    "import.numbering-kept/chapter-prefix": (
        "the $what number $number starts with the chapter's number, which kplan's numbering formats cannot express, "
        "so the numbers were left in the headings as written"
    ),
    "import.numbering-repeat": (
        "the $what number $number is repeated; nothing was renumbered, and this level's numbers were left in the "
        "headings as written"
    ),
    "import.numbering-skip": (
        "the $what numbers skip (the number before $number is missing); nothing was renumbered, and this level's "
        "numbers were left in the headings as written"
    ),
    "import.numbering-order": (
        "the $what number $number is out of order; nothing was renumbered, and this level's numbers were left in the "
        "headings as written"
    ),
    "import.contents-dropped/lines": "skipped the lines of the table of contents (kplan makes its own)",
    "import.contents-dropped": "skipped the table of contents (kplan makes its own)",
    "import.empty": ("the document has no text", "give a document with text in it"),
    "import.no-headings": (
        "there are no headings, so the document cannot be split into chapters and sections",
        "in Word, give the chapter and section titles the styles Heading 1 and Heading 2; in Markdown, start them "
        "with # and ##",
    ),
    "import.no-municipality": (
        "the municipality is not known (it could not be read from the document's title)",
        "name it with --municipality, e.g. --municipality 〇〇市",
    ),
    "import.title-guess": "named the plan '$title'",
    "import.title-guess/lone-heading": "took the only top-level heading, '$title', as the plan's name",
    "import.title-guess/before-chapters": (
        "took the unnumbered heading before the chapters, '$title', as the plan's name"
    ),
    "import.heading-demoted": "made the heading '$title' before the first chapter a paragraph",
    "import.cover-text": "put the text before the first chapter (the cover and such) at the start of the first chapter",
    "import.heading-skip": "the heading '$title' skips a level, so it was moved one level up",
    "import.glossary-entry/kept-as-text": "$reason; kept as text, not made a glossary",
    "import.glossary-unrecognised/kept-as-text": "$reason; kept as text, not made a glossary",
    "import.unnumbered-part": "made the unnumbered '$title' a part without a number (as an appendix)",
    "import.glossary-twice": "kept the second glossary as text",
    "import.marker/bracketed": "changed 「[※]」 to 「※」 in $count place(s) (the first one)",
    "import.marker/asterisk": "changed 「*」 written for ※ to 「※」 in $count place(s) (the first one)",
    "import.marker/asterisk-left": (
        "left 「*」 not after a term as it is in $count place(s) (lint reports them) (the first one)"
    ),
    "import.measure-skipped": "no section in '$title' could be made a measure card",
    # ---- kplan import: the command and its report (importer/command.py, report.py) -----------------------------------
    "import.old-format": (
        "old Word documents (.doc) cannot be imported",
        "open it in Word, choose Save As and save it again as a Word Document (*.docx)",
    ),
    "import.unsupported-type": (
        "files of this type ($suffix) cannot be imported",
        "give a Word document (.docx) or a Markdown file (.md)",
    ),
    "import.unsupported-type/no-suffix": (
        "files of this type (no extension) cannot be imported",
        "give a Word document (.docx) or a Markdown file (.md)",
    ),
    "import.write": (
        "cannot write the plan to $target ($reason)",
        "check the folder's location and that you may write there",
    ),
    "import.not-empty/file": ("$target is a file", "give the name of a new folder for the plan"),
    "import.not-empty": (
        "the folder $target is not empty (nothing was written)",
        "give a new folder name, or an empty folder",
    ),
    "import.corrupt": (
        "cannot read the document (the file is damaged, or in a form kplan does not expect)",
        "open it in Word, save it again, then import it again",
    ),
    "import.internal": (
        "kplan could not read the plan it made ($first)",
        "this is a bug in kplan; please report it with the original document",
    ),
    "import.report/created": "Made a new plan in $directory from $source ($files files).",
    "import.report/carried": "Carried over: $parts",
    "import.report/separator": ", ",
    "import.report/chapters": "chapters $count",
    "import.report/appendices": "appendices $count",
    "import.report/sections": "sections $count",
    "import.report/measures": "measure cards $count",
    "import.report/tables": "tables $count ($indicators of them indicator tables)",
    "import.report/figures": "figures $count",
    "import.report/terms": "terms $count ($readings readings guessed)",
    "import.report/markers": "※ $count",
    "import.report/guesses": "Guesses and places to check ($count):",
    "import.report/no-guesses": "Nothing was guessed.",
    "import.report/lint": "kplan lint: $errors errors, $warnings warnings, $infos info",
    "import.report/next": (
        "Next: check it with kplan -C $directory lint, and make the site and the PDF with kplan -C $directory build."
    ),
}
