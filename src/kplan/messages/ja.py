"""The Japanese catalog (the default language): key → string.Template text, or (message, hint) for a diagnostic.

Keys and `$parameters` are the same as in en.py (tests/test_messages.py checks it); see kplan.messages.
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, str]] = {
    # ---- words ------------------------------------------------------------------------------------------------
    "word.error": "エラー",
    "word.warning": "警告",
    "word.info": "情報",
    "word.hint": "（ヒント: $hint）",
    "word.suggestion": "（提案: $suggestion）",
    # ---- the command line -------------------------------------------------------------------------------------
    "cli.problems": "ソースに問題が $count 件あります",
    "cli.unreadable": "kplan: ソースを読めません（問題 $count 件）",
    # ---- the loader: YAML -----------------------------------------------------------------------------------------
    "load.io": (
        "ファイルがありません",
        "パスを確かめるか、ファイルを作ってください",
    ),
    "load.io/unreadable": (
        "ファイルを読めません: $reason",
        "ファイルのアクセス権を確かめてください",
    ),
    "load.encoding": (
        "ファイルが UTF-8 の文字ではありません（バイト 0x$byte）",
        "UTF-8 で保存し直してください（Windows のメモ帳: 名前を付けて保存 → 文字コード UTF-8）。"
        "kplan fmt --encoding で UTF-8 に変換することもできます",
    ),
    "load.too-large/yaml-events": (
        "計画のソースとしては大きすぎるため読みません（YAML の値と入れ物が $limit 個を超えています）",
        "ファイルを分けるか、誤って貼り付けた部分を消してください",
    ),
    "load.too-large/nodes": (
        "計画のソースとしては大きすぎるファイルです",
        "ファイルを分けてください",
    ),
    "load.ime-slip/wide-space-indent": (
        "字下げに全角スペース（$point）が使われています",
        "字下げは半角スペースで書きます（kplan lint --fix で半角スペース2つに直せます）",
    ),
    "load.ime-slip/tab-indent": (
        "字下げにタブ（$point）が使われています。YAML ではタブで字下げできません",
        "タブを半角スペースに置き換えてください（エディタの「タブをスペースに変換」など）",
    ),
    "load.ime-slip/wide-space-after-dash": (
        "リストの「-」の後が全角スペース（$point）です",
        "「-」の後は半角スペースにします（kplan lint --fix で直せます）",
    ),
    "load.ime-slip/wide-dash": (
        "リストの「- 」のところに全角の「$char」（$point）が使われています",
        "リストの項目は半角の「- 」（ハイフンと半角スペース）で始めます（kplan lint --fix で直せます）",
    ),
    "load.ime-slip/wide-colon": (
        "キー「$key」の後のコロンが全角の「：」（$point）です",
        "キーの後は半角の「:」と半角スペースにします（例: title: 情報化計画。kplan lint --fix で直せます）",
    ),
    "load.control-character": (
        "YAML に使えない制御文字 U+$char があります",
        "この位置の見えない文字を消してください（他のソフトから貼り付けたときに紛れ込みます）",
    ),
    "load.yaml-syntax": (
        "YAML の書き方に誤りがあります: $problem",
        "$advice",
    ),
    "load.yaml-syntax/other": (
        "YAML の書き方に誤りがあります: $problem",
        "ファイルの書き方を確かめてください",
    ),
    "load.yaml-syntax/colon": "「キー: 値」の「:」が見つかりません",
    "load.yaml-syntax/mapping-values": "ここには「キー: 値」を書けません",
    "load.yaml-syntax/block-end": "字下げ（インデント）がそろっていません",
    "load.yaml-syntax/token": "ここには書けない文字があります（タブ、全角の記号など）",
    "load.yaml-syntax/expected-key": "キーが見つかりません（字下げを確かめてください）",
    "load.yaml-syntax/end-of-stream": "引用符か括弧が閉じないまま、ファイルが終わっています",
    "load.yaml-syntax/flow-end": "[ ] か { } が閉じていません（「,」か閉じ括弧が見つかりません）",
    "load.yaml-syntax/undefined-alias": "定義されていないエイリアス（*名前）を使っています",
    "load.yaml-syntax/hint-tab": "字下げにはタブではなく半角スペースを使ってください",
    "load.yaml-syntax/hint-colon": '「: 」を含む値は引用符（"…"）で囲んでください',
    "load.yaml-syntax/hint-alias": "アンカー（&名前）は、それを使うエイリアス（*名前）より前に書いてください",
    "load.yaml-syntax/hint-other": "この近くの字下げと引用符を確かめてください",
    "load.missing-key/empty-file": (
        "ファイルが空です",
        "このファイルに書く YAML を書いてください（docs/format.md を参照）",
    ),
    "load.yaml-tag": (
        "YAML のタグ $tag は使えません: 計画のファイルには素のデータだけを書きます",
        "タグを外し、値を文字、数、リスト、「キー: 値」のどれかで書いてください",
    ),
    "load.yaml-tag/merge": (
        "マージキー（<<）は使えません",
        "キーを一つずつ書いてください",
    ),
    # ---- words for hints ------------------------------------------------------------------------------------------
    "word.did-you-mean": "「$name」のことですか？",
    "word.use-one-of": "次のどれかにしてください: $choices",
    "word.known-keys": "使えるキー: $keys",
    # ---- the loader: shapes (load/spec.py) ------------------------------------------------------------------------
    "load.wrong-type": (
        "$expectedを書くところに、$foundが書かれています",
        "$advice",
    ),
    "load.wrong-type/unreadable": (
        "「$value」は$expectedとして読めません",
        "タグ（!!int など）を外し、$maximum 以下の数字だけで書いてください",
    ),
    "load.wrong-type/str": "文字",
    "load.wrong-type/int": "整数",
    "load.wrong-type/float": "数",
    "load.wrong-type/bool": "true か false",
    "load.wrong-type/null": "空（null）",
    "load.wrong-type/timestamp": "日付",
    "load.wrong-type/seq": "リスト",
    "load.wrong-type/map": "「キー: 値」の組",
    "load.wrong-type/expect-text": "文字",
    "load.wrong-type/expect-whole-number": "整数",
    "load.wrong-type/expect-number": "数",
    "load.wrong-type/expect-mapping": "「キー: 値」の組",
    "load.wrong-type/expect-bool": "true か false",
    "load.wrong-type/expect-year-month": "2021-07 のような年月",
    "load.wrong-type/expect-date": "2021-01-12 のような日付",
    "load.wrong-type/expect-list": "リスト",
    "load.wrong-type/hint-seq": "ここにはリスト（- で始まる行）ではなく、一つの値を書きます",
    "load.wrong-type/hint-map": (
        "ここには「キー: 値」の組ではなく、一つの値を書きます（値に「: 」を含むときは引用符で囲みます）"
    ),
    "load.wrong-type/hint-quote": '引用符で囲んでください: "$value"',
    "load.wrong-type/hint-percent": "数を % なしで書いてください",
    "load.wrong-type/hint-number": "数を単位やカンマなしで書いてください",
    "load.wrong-type/hint-mapping": "「キー: 値」の行を、字下げをそろえて書いてください",
    "load.wrong-type/hint-list": "項目を一つずつ「- 」で始まる行に書いてください",
    "load.too-large/aliases": (
        "エイリアスを展開すると値が多すぎます（エイリアス爆弾？）",
        "大きな部分を繰り返すのにアンカー（&）とエイリアス（*）を使わないでください",
    ),
    "load.invalid-value/empty-text": (
        "文字が空です",
        "文字を書くか、省略できるキーなら消してください",
    ),
    "load.invalid-value/not-one-of": (
        "「$value」は $choices のどれでもありません",
        "$advice",
    ),
    "load.invalid-value/form": (
        "「$value」は決まった形で書かれていません",
        "$advice",
    ),
    "load.invalid-value/hint-edition": '版は引用符で囲んで書いてください（例: "2.0"）',
    "load.invalid-value/hint-id": "id は半角の英小文字、数字と - で書いてください",
    "load.invalid-value/one-line": (
        "この文字は1行で書きます",
        "行をつなげて1行にしてください",
    ),
    "load.invalid-value/too-small": (
        "$value は $minimum より小さい値です",
        "",
    ),
    "load.invalid-value/too-large": (
        "$value は大きすぎます（$maximum まで）",
        "",
    ),
    "load.invalid-value/percent": (
        "$value は 0 から 100 までの百分率ではありません",
        "",
    ),
    "load.invalid-value/year-range": (
        "「$value」は $first年（明治元年）から $last年までの日付ではありません",
        "年を見直してください（和暦で表示するため、明治より前の日付は使えません）",
    ),
    "load.unknown-key": (
        "知らないキー「$key」です",
        "$advice",
    ),
    "load.missing-key": (
        "キー「$key」がありません",
        "「$key:」を書いてください",
    ),
    "load.missing-key/min-items": (
        "このリストには項目が $count 個以上要ります",
        "",
    ),
    "load.missing-key/exactly-one": (
        "$keys のどれか一つだけを書いてください",
        "",
    ),
    "load.invalid-value/exactly-one": (
        "$keys のどれか一つだけを書いてください",
        "",
    ),
    "load.yaml-syntax/key-twice": (
        "キー「$key」が二度書かれています",
        "最初は $line 行目に書かれています",
    ),
    # ---- the loader: files and ids (load/context.py) --------------------------------------------------------------
    "load.path-invalid": (
        "$key: パス「$path」は使えません（$limit 文字まで、制御文字は使えません）",
        "プロジェクトの中のファイルを、plan/chapters/01-intro.md のように / で区切って書いてください",
    ),
    "load.path-outside": (
        "$key: 「$path」はプロジェクトの外を指しています（../、絶対パス、外へのシンボリックリンクは読みません）",
        "プロジェクトのルートからの相対パスで、プロジェクトの中のファイルを / で区切って書いてください",
    ),
    "load.path-invalid/unresolvable": (
        "$key: 「$path」を解決できません: $reason",
        "パスの書き方（長さ、使えない文字）を確かめてください",
    ),
    "load.too-large": (
        "計画のソースとしては大きすぎるため読みません（$detail）",
        "ファイルを分けるか、誤って貼り付けた部分を消してください",
    ),
    "load.too-large/bytes": "$size バイトあります。1ファイル $limit バイトまで",
    "load.too-large/markers": "※ が $count 個あります。1ファイルに $limit 個まで",
    "load.too-large/pipes": "表の区切り | が $count 個あります。1ファイルに $limit 個まで",
    "load.duplicate-id": (
        "$what「$id」が二度使われています",
        "最初は $first で使われています。id は重ならないようにしてください",
    ),
    "load.duplicate-id/part-id": "部の id",
    "load.duplicate-id/table-id": "表の id",
    "load.duplicate-id/record-row-id": "表の行の id",
    "load.duplicate-id/term-id": "用語の id",
    "load.duplicate-id/survey-question-id": "調査の設問の id",
    "load.duplicate-id/errata-id": "正誤表の id",
    "load.duplicate-id/section-id": "節の id",
    "load.duplicate-id/figure-id": "図の id",
    "load.duplicate-id/mark-id": "マークの id",
    "load.duplicate-id/group-id": "表 $table のグループの id",
    "load.duplicate-id/indicator-id": "表 $table の指標の id",
    # ---- the loader: measure cards (load/measures.py) -------------------------------------------------------------
    "load.measure-twice": (
        "施策カード「$measure」が二か所に置かれています",
        "最初の場所: $first",
    ),
    "load.unknown-measure": (
        "施策カード「$measure」がありません（$file がありません）",
        "$advice",
    ),
    "load.unknown-measure/create": "$file を作ってください",
    "load.invalid-value/card-id": (
        "カードの id「$id」がファイル名と違います",
        "id: $measure と書いてください（ファイルは $file）",
    ),
    "load.unknown-mark": (
        "マーク「$mark」は宣言されていません",
        "$advice",
    ),
    "load.unknown-mark/declare": "plan.yaml の conventions: marks: で宣言してください",
    "load.measure-unplaced": (
        "施策カード「$measure」はどの章にも置かれていません",
        "章に ```{measure} $measure を書くか、ファイルを消してください",
    ),
    "load.unknown-measure/reference": (
        "id が「$measure」の施策カードはありません",
        "$advice",
    ),
    "load.unknown-measure/use-placed": "章に置かれているカードの id を使ってください",
    # ---- the loader: chapters (load/chapters.py) ------------------------------------------------------------------
    "load.invalid-value/chapter-file": (
        "章は Markdown ファイルで書きます: $file",
        "…/NN-名前.md という名前にしてください",
    ),
    "load.front-matter/typed": (
        "前付けの区切り「$typed」が全角の「$char」(U+$unicode)で書かれています",
        "半角の --- にしてください(日本語入力をオフにして - を3つ)",
    ),
    "load.front-matter": (
        "章に前付けがありません",
        "ファイルの先頭に ---、次に id: と title:、そして --- を書いてください",
    ),
    "load.heading-skip": (
        "見出しのレベルが $found です。ここは $expected のはずです",
        "見出しは一段ずつ下げます: 節は ##、その中は ### …",
    ),
    # ---- the loader: directives (load/directives.py) --------------------------------------------------------------
    "load.unknown-directive": (
        "知らない指示 {$name} です",
        "使える指示: $known",
    ),
    "load.unsupported/in-card": (
        "{$name} は施策カードの中には書けません",
        "章に書いてください",
    ),
    "load.invalid-value/typed-id": (
        "{measure} の施策 id「$id」が全角の文字で書かれています",
        "半角で ```{measure} $typed と書いてください",
    ),
    "load.invalid-value/measure-id": (
        "{measure} には施策の id が要ります（書かれているのは「$id」）",
        "```{measure} ID と書いてください（plan/measures/ID.yaml がカードです）",
    ),
    "load.missing-key/records-file": (
        "{records} には表のファイルが要ります",
        "```{records} plan/tables/x.yaml と書いてください",
    ),
    "load.missing-key/fence-body": (
        "{$name} には、囲みの中に YAML が要ります",
        "開きの ``` の次の行からキーを書いてください",
    ),
    "load.invalid-value/fence-body": (
        "{$name} の囲みの中には何も書きません",
        "次の行で ``` を閉じてください",
    ),
    # ---- the loader: Markdown (load/markdown.py) ------------------------------------------------------------------
    "load.unsupported": (
        "ここには$whatは書けません",
        "$advice",
    ),
    "load.unsupported/what-fence": "指示のブロック",
    "load.unsupported/what-code-block": "字下げしたコードのブロック（4つの空白）",
    "load.unsupported/what-quote": "引用（>）",
    "load.unsupported/what-html": "HTML",
    "load.unsupported/what-heading": "見出し",
    "load.unsupported/hint-code-block": "行の初めの字下げを消してください",
    "load.unsupported/hint-html": "普通の文字で書いてください。計画の本文に HTML は書けません",
    "load.unsupported/hint-other": "段落、「- 」の箇条書き、表を使ってください（docs/format.md を参照）",
    "load.unsupported/not-here": (
        "ここには$whatは書けません",
        "段落と箇条書きだけを書いてください",
    ),
    "load.unknown-directive/fence": (
        "知らない指示です: $fence",
        (
            "```{measure} ID、```{records} ファイル、```{indicators}、```{figure}、```{note}、```{drafted} "
            "のどれかを書いてください。コードのブロックは計画の本文になりません"
        ),
    ),
    "load.unknown-directive/no-name": "名前のない ``` の囲み",
    "load.heading-id": (
        "見出し「$title」に id がありません",
        "見出しの終わりに {#purpose} のような変わらない id を付けてください",
    ),
    "load.notice/link-dropped": (
        "リンク先「$href」は使えないため外しました（リンクの文字は残します）",
        "http、https、mailto のリンクだけを残します。Web ページにリンクするか、リンクを消してください",
    ),
    "load.notice/image-dropped": (
        "画像「$src」は表示しません（説明の文字は残します）",
        "本文には画像を埋め込めません。図の内容を言葉で書いてください",
    ),
    "load.unsupported/nested-list": (
        "入れ子の箇条書きは使えません",
        "「- 」の項目を一段だけで書いてください",
    ),
    # ---- the loader: plan.yaml, figures, tables, the glossary -----------------------------------------------------
    "load.old-format": (
        "plan/plan.yaml が古い形式（chapters: と appendices:）です",
        "scripts/migrate_format2.py で計画を形式 2 に変換してください",
    ),
    "load.invalid-value/part": (
        "部は一つにキー一つです: chapter、appendix、glossary、survey、public-comment のどれか",
        "部ごとに「- 種類: ファイル」を一項目ずつ書いてください",
    ),
    "load.invalid-value/period": (
        "計画の期間の終わりが始まりより前です",
        "period: の from と to を確かめてください",
    ),
    "load.invalid-value/numbering": (
        "番号の形「$pattern」: { } の中には n か階層の番号（と :書式）だけを書けます",
        "例: {n}. や ({n}) や {1}-{n} や {n:circled}",
    ),
    "load.image/type": (
        "画像「$file」は PNG、JPEG、SVG のどれでもありません",
        ".png、.jpg、.jpeg、.svg のファイルを使ってください",
    ),
    "load.image": (
        "画像「$file」がありません",
        "パス（プロジェクトのルートからの相対パス）を確かめてください",
    ),
    "load.image/invalid": (
        "画像「$file」は正しい $format ファイルではありません",
        "その形式で画像を書き出し直してください",
    ),
    "load.invalid-value/cells": (
        "行「$row」のセルが $cells 個あります（列は $columns 個）",
        "列ごとに一つずつ、列の順にセルを書いてください",
    ),
    "load.missing-key/reading": (
        "「$term」のキー reading（読み）がありません",
        "読みをかなで書いてください。読みを省けるのは英字と数字だけの用語です",
    ),
    # ---- the 表記ゆれ dictionary (lint/hyoki.py) ------------------------------------------------------------------
    "load.regex-too-slow": (
        (
            "表記ゆれの正規表現「$pattern」は $seconds 秒で終わらないため止めました（繰り返しの入れ子などで、"
            "探す手間が爆発的に増える書き方です）"
        ),
        "(a+)+ や (a|aa)+ のような繰り返しの入れ子をやめ、できれば正規表現でない文字列のパターンにしてください",
    ),
    "load.invalid-value/pattern-is-expected": (
        "expected と同じパターンは何も置き換えません",
        "このパターンを消してください",
    ),
    "load.invalid-value/spec-fails": (
        "spec が通りません: 「$source」が「$result」になり、「$expected」になりません",
        "規則のパターンか spec を直してください",
    ),
    "load.invalid-value/regex": (
        "正規表現「$pattern」の書き方に誤りがあります: $error",
        "/ と / の間のパターンを見直してください（文字そのものを探すなら / で囲まずに書きます）",
    ),
    "load.invalid-value/regex-group": (
        "expected の $reference に当たるグループ（丸括弧）がパターン「$pattern」にありません（グループは $groups 個）",
        "パターンに ( ) を加えるか、expected の $$ の番号を直してください",
    ),
    # ---- kplan fmt ------------------------------------------------------------------------------------------------
    "fmt.would-change": "kplan fmt --check: $count 個のファイルが正規の形ではありません。kplan fmt で直せます",
    "fmt.formatted": "整形しました: $file",
    "fmt.unsafe/ruamel": (
        "kplan fmt はこのファイルを書き直せません。書き直しに使う ruamel.yaml が読めない書き方です（$problem）",
        "この位置のタブ、特殊な改行（U+2028 など）、タグ（!!…）を見直してください。ファイルは変えていません",
    ),
    "fmt.unsafe": (
        "kplan fmt で書き直すと、この値の読み方が変わってしまうため書き直しません",
        (
            "この位置の改行・空白・引用符の書き方を見直してください（\\r だけの改行、行末のタブ、yes/no など）。"
            "ファイルは変えていません"
        ),
    ),
    # ---- kplan lint -----------------------------------------------------------------------------------------------
    "cli.lint-summary": "kplan lint: エラー $errors 件、警告 $warnings 件$infos$strict",
    "cli.lint-summary/infos": "、情報 $count 件",
    "cli.lint-summary/strict": "(--strict: 警告もエラーとして数えます)",
    "cli.lint-fixed": "修正しました: $what",
    "cli.lint-not-fixed": "修正しませんでした: $what: $reason",
    "cli.lint-fix-summary": "kplan lint --fix: $count 件を修正、$files ファイルを更新$names",
    # ---- the command line: finding the plan (project.py) ----------------------------------------------------------
    "cli.no-project": (
        "$start とその上のディレクトリに計画がありません（$marker を探しました）",
        "計画のあるディレクトリの中で kplan を実行するか、-C DIR で計画のディレクトリを指定してください",
    ),
    "cli.no-project/unreadable": (
        "$start を開けません: $reason",
        "計画のあるディレクトリの中で kplan を実行するか、-C DIR で計画のディレクトリを指定してください",
    ),
    # ---- kplan diff: editions (diff/editions.py) ------------------------------------------------------------------
    "diff.unreadable-edition": (
        "版 $argument（$source）を読めません: 問題 $count 件",
        "その版のソースを直すか、別の版と比べてください",
    ),
    "diff.not-in-git": (
        "$start は git リポジトリの中にないため、比べられるのは計画のディレクトリどうしだけです",
        "計画のディレクトリを二つ指定するか、計画の git チェックアウトの中で kplan を実行してください",
    ),
    "diff.git-failed": (
        "git $command が失敗しました: $reason",
        "このチェックアウトで git が動くか確かめてください",
    ),
    "diff.not-a-version": (
        "「$argument」は版ではありません",
        "計画のディレクトリ、v1 のような版のラベル、または git の ref を指定してください",
    ),
    "diff.unknown-version": (
        "「$argument」は計画のディレクトリでも、版のラベル（v1、v2.0…）でも、git の ref でもありません",
        "plan/plan.yaml のあるディレクトリ、v1 のようなラベル、コミット・タグ・ブランチのどれかを指定してください",
    ),
    "diff.no-edition": (
        (
            "版 $label がありません: HEAD までの履歴に、タグ $label も、トレーラー「$trailer: "
            "$label」のあるコミットもありません"
        ),
        "版の一覧は git log --grep='^$trailer:' で見られます。コミットかディレクトリを指定することもできます",
    ),
    "diff.no-plan-dir": (
        "コミット $commit に ${prefix}plan/ ディレクトリがありません",
        "計画を加えた後のコミットを指定してください",
    ),
    # ---- kplan init (init/__init__.py) ----------------------------------------------------------------------------
    "cli.init-failed": (
        "$directory に計画を作れませんでした: $reason",
        "親のディレクトリがあり、書き込めるかを確かめてください",
    ),
    "cli.init-not-empty": (
        "$directory は空ではありません。kplan init が計画を作るのは空のディレクトリの中だけです",
        "新しいディレクトリか、空のディレクトリを指定してください",
    ),
    "cli.init-not-a-directory": (
        "$directory はディレクトリではないものとして既にあります",
        "新しいディレクトリか、空のディレクトリを指定してください",
    ),
    "cli.init-value": (
        "$name を指定してください",
        "1行の文字で指定してください。例: 〇〇市、情報化推進計画",
    ),
    "cli.init-value/too-long": (
        "$name が $limit 文字より長くなっています",
        "1行の文字で指定してください。例: 〇〇市、情報化推進計画",
    ),
    "cli.init-value/control": (
        "$name は制御文字のない1行にしてください（U+$unicode があります）",
        "1行の文字で指定してください。例: 〇〇市、情報化推進計画",
    ),
    "cli.init-value/yaml": (
        "「$value」を YAML に書けません",
        "1行の文字で指定してください。例: 〇〇市、情報化推進計画",
    ),
    "cli.init-value/municipality": "自治体名（--municipality）",
    "cli.init-value/title": "計画の名前（--title）",
    # ---- the command line (cli.py) --------------------------------------------------------------------------------
    "cli.unknown-value": (
        "$what「$value」は使えません",
        "次のどれかにしてください: $choices",
    ),
    "cli.unknown-value/language": "言語",
    "cli.unknown-value/profile": "プロファイル",
    "cli.unknown-value/variant": "PDF の規格",
    "cli.unknown-value/family": "規則の種類",
    "cli.unknown-value/format": "形式",
    "cli.unwritable": (
        "$path に書き込めません: $reason",
        (
            "書き込めるディレクトリか、空き容量があるかを確かめるか、-o "
            "で別の出力先を指定してください（前の出力はそのまま残っています）"
        ),
    ),
    "cli.wrote": "書き出しました: $path",
    "cli.wrote-site": "書き出しました: $index（$directory に $count 個のファイル）",
    "cli.init-needs-values": (
        "--municipality と --title が要ります",
        "両方を指定してください。例: --municipality 〇〇市 --title 情報化計画",
    ),
    "cli.prompt-municipality": "自治体名",
    "cli.prompt-title": "計画の名前",
    "cli.created": "$directory に新しい計画を作りました（ファイル $count 個）。次は: kplan -C $directory lint",
    "cli.diff-template": (
        "$error",
        "テンプレートを直すか、templates/ から消して kplan 付属のテンプレートを使ってください",
    ),
    # ---- kplan build ----------------------------------------------------------------------------------------------
    "build.refused": "$url は読み込みません: 読み込めるのはプロジェクトの中のファイルだけです",
    "cli.unchanged-site": (
        "変わっていません: $index（$directory に $count 個のファイル。元になるものが何も変わっていません）"
    ),
    "cli.unchanged": "変わっていません: $path（元になるものが何も変わっていません）",
    # ---- help: the commands and their options (cli.py), click's own words (helpformat.py) -------------------------
    "help.usage": "使い方: ",
    "help.heading-options": "オプション",
    "help.heading-commands": "コマンド",
    "help.heading-arguments": "引数",
    "help.help-option": "この説明を表示して終わります。",
    "help.default": "[既定: $value]",
    "help.required": "[必須]",
    "help.options-metavar": "[オプション]",
    "help.subcommand-metavar": "コマンド [引数]...",
    "help.kplan": (
        "kplan: 市の計画書をソース（YAML と Markdown）で管理します。点検し、版を比べ、サイトと PDF を作ります。"
    ),
    "help.kplan.example": (
        "\x08\n例:\n  kplan lint           計画を点検する\n  kplan build          サイトと PDF を作る\n  kplan "
        "diff v1 .      v1 と今の計画を比べる\n  kplan build --help   コマンドごとの説明"
    ),
    "help.kplan.C": "今のディレクトリではなく、DIR の計画を扱います。",
    "help.kplan.lang": "知らせと説明の言語: ja（日本語、既定）か en（英語）。環境変数 KPLAN_LANG でも指定できます。",
    "help.build": (
        "計画を HTML のサイトと印刷用の PDF にします（--html か --pdf を付けなければ両方）。元になるソース、"
        "テンプレート、オプション、kplan が前回から変わっていない出力は、そのまま残します。"
    ),
    "help.build.short": "サイトと PDF を作る",
    "help.build.example": (
        "\x08\n例:\n  kplan build                        サイトと PDF を作る\n  kplan build --html                 "
        "サイトだけを作る\n  kplan build --pdf --profile print  印刷所に渡す PDF（トンボ付き）\n  kplan build "
        "--strict               lint のエラーがあれば作らない"
    ),
    "help.build.html": "HTML のサイトを作ります（build/html/）。",
    "help.build.pdf": "PDF を作ります（build/pdf/）。",
    "help.build.out": "出力先のディレクトリ（既定: チェックアウトの build/）。",
    "help.build.profile": (
        "PDF の種類: download は Web サイトに載せる PDF、print は印刷所向けに 3 mm の塗り足しとトンボを付け、"
        "plan-版-print.pdf に書き出します。"
    ),
    "help.build.pdf-variant": (
        "PDF が従う規格: pdf/ua-1（タグ付きでアクセシブル、既定）、pdf/a-3u、pdf/a-2b、pdf/x-4 …（WeasyPrint "
        "の規格）、または none。"
    ),
    "help.build.force": "ソース、テンプレート、オプションが変わっていない出力も、すべて作り直します。",
    "help.build.strict": "kplan lint がエラーを見つけたら作りません（終了コード 1、前の出力はそのまま）。",
    "help.init": (
        "新しい計画を始めます: plan/ と glossary/ に各部の例を一つずつ、スキーマ、エディターと CI の設定を作ります。"
    ),
    "help.init.short": "新しい計画を作る",
    "help.init.example": "\x08\n例:\n  kplan init my-plan --municipality 〇〇市 --title 情報化推進計画",
    "help.init.directory": "新しい計画のディレクトリ（作ります。空か、まだないこと）。",
    "help.init.municipality": "自治体名。例: 〇〇市（端末からは、なければ尋ねます）。",
    "help.init.title": "計画の名前。例: 第2次情報化推進計画（端末からは、なければ尋ねます）。",
    "help.import": (
        "Word か Markdown の計画書を取り込みます: 章、節、表、図、用語解説、※ の印から新しい計画を作り、"
        "取り込んだものと推測した箇所をすべて表示します。"
    ),
    "help.import.short": "Word か Markdown の計画書を取り込む",
    "help.import.example": (
        "\x08\n例:\n  kplan import 計画書.docx my-plan\n  kplan import 計画書.docx my-plan --measures 第3章"
    ),
    "help.import.source": "計画書: Word の文書（.docx）か Markdown（.md）。",
    "help.import.directory": (
        "新しい計画のディレクトリ（作ります。空か、まだないこと）。既定: 今のディレクトリに、"
        "ファイル名から拡張子を除いた名前で。"
    ),
    "help.import.municipality": "自治体名（計画の名前に含まれないとき）。",
    "help.import.title": "計画の名前（文書の題の代わりに）。",
    "help.import.measures": "この章の節（見出し、本文、箇条書き）を施策カードにします。例: --measures 第3章",
    "help.lint": (
        "計画を点検します: ※ の用語と用語解説、本文の文字と表記、参照。終了コード 0: エラーなし、1: "
        "エラーあり（--strict では警告も）、2: ソースを読めない。"
    ),
    "help.lint.short": "計画を点検する（用語、表記、参照）",
    "help.lint.example": (
        "\x08\n例:\n  kplan lint                 すべての規則で点検する\n  kplan lint glossary        "
        "用語の規則だけ\n  kplan lint --fix           安全に直せるものを直す\n  kplan lint --format json   "
        "ツール向けの JSON"
    ),
    "help.lint.family": (
        "一種類の規則だけ: glossary（※ の用語と用語解説）、text（文字、つづり、表記ゆれ）、refs（参照、正誤表、"
        "空の日付）。"
    ),
    "help.lint.format": (
        "text: 1行に一件（ファイル:行:桁: 重さ 規則 内容（提案: …））、json: オブジェクトの配列、github: "
        "ワークフローの注釈。"
    ),
    "help.lint.strict": "警告もエラーとして終了コードに数えます。",
    "help.lint.fix": (
        "安全に直せるものをソースのファイルで直し（YAML はコメントと書き方を保ったまま）、"
        "何を変えたかを表示してから、残りを報告します。"
    ),
    "help.fmt": (
        "YAML のソースを正規の形に書き直します: キーはスキーマの順、用語解説はアルファベット・50音順。コメント、"
        "引用符、改行の形は保ち、すでに正規の形のファイルには触れません。"
    ),
    "help.fmt.short": "YAML のソースを正規の形にする",
    "help.fmt.example": (
        "\x08\n例:\n  kplan fmt                 正規の形に書き直す\n  kplan fmt --check         変えずに、"
        "書き直すファイルを示す\n  kplan fmt --encoding      Shift_JIS のファイルを UTF-8 にする"
    ),
    "help.fmt.check": "何も変えず、正規の形でないファイルを示します（あれば終了コード 1）。",
    "help.fmt.encoding": (
        "Shift_JIS（CP932）や EUC-JP で保存されたソースを UTF-8 に変換します。先にどう読めるかを示します（--check "
        "では示すだけ）。"
    ),
    "help.export": "計画全体を一つのファイルに書き出します: 表紙から奥付までを Markdown で（pandoc などに）。",
    "help.export.short": "計画全体を一つの Markdown にする",
    "help.export.example": (
        "\x08\n例:\n  kplan export                  build/plan-版.md に書き出す\n  kplan export -o - | pandoc -o "
        "計画.docx"
    ),
    "help.export.format": "書き出す形式（md: pandoc の Markdown）。",
    "help.export.out": "書き出す先（既定: build/plan-版.md。- で標準出力）。",
    "help.schema": "YAML のソースの JSON Schema を書き出します（エディターでの確かめと補完に）。",
    "help.schema.short": "JSON Schema を書き出す",
    "help.schema.example": "\x08\n例:\n  kplan schema schema/",
    "help.schema.directory": "JSON Schema のファイルを書き出すディレクトリ。",
    "help.diff": "計画の二つの版を一文字ずつ比べます。終了コード 0: 同じ、1: 違いあり、2: エラー（diff と同じ）。",
    "help.diff.short": "二つの版を比べる（新旧対照表）",
    "help.diff.example": (
        "\x08\n例:\n  kplan diff v1 .                 v1 と今の計画を端末で比べる\n  kplan diff v1 v2 --format "
        "html  新旧対照表を HTML で\n  kplan diff v1 v2 --format pdf   新旧対照表を PDF（A4 横）で"
    ),
    "help.diff.old": (
        "改定前の版: 計画のディレクトリ、v1 のような版のラベル（タグ、なければトレーラー「Plan-Edition: "
        "v1」のあるコミット）、または git の ref（コミット、タグ、ブランチ）。"
    ),
    "help.diff.new": "改定後の版。OLD と同じように指定します。. は今の作業中の計画です。",
    "help.diff.format": (
        "text（端末。色は端末のときだけ）、json（スキーマは docs/diff.md）、md、html、pdf（新旧対照表。PDF は A4 横）。"
    ),
    "help.diff.out": (
        "標準出力ではなく FILE に書き出します。html と pdf は必ずファイルに: 既定はチェックアウトの "
        "build/diff/OLD-NEW.html か .pdf。"
    ),
    # ---- kplan build: templates (render/template_errors.py) -------------------------------------------------------
    "build.template": (
        "テンプレートを表示できません: $error",
        "templates/ のこのファイルを直すか、消して kplan 付属のテンプレートに戻してください。出力は前のままです",
    ),
    "build.template/not-found": (
        "テンプレート $name が見つかりません",
        "templates/ のこのファイルを直すか、消して kplan 付属のテンプレートに戻してください。出力は前のままです",
    ),
    "build.template/syntax": (
        "テンプレートの書き方に誤りがあります: $error",
        "templates/ のこのファイルを直すか、消して kplan 付属のテンプレートに戻してください。出力は前のままです",
    ),
    # ---- kplan diff: the terminal (diff/terminal.py) --------------------------------------------------------------
    "diff.same": "違いはありません: $old と $new は同じです",
    "diff.summary": "違いが $total 件あります: $parts",
    "diff.summary/one": "違いが $total 件あります: $parts",
    "diff.count": "$kind $count",
    "diff.change/added": "新設",
    "diff.change/removed": "削除",
    "diff.change/changed": "変更",
    "diff.change/renamed": "名称変更",
    "diff.change/moved": "移動",
    "diff.change/renumbered": "番号変更",
    "diff.old": "改定前",
    "diff.new": "改定後",
    "diff.reconstructed": "注: $argument は再構成された版で、市の公式な文書ではありません: $reason",
    "diff.none": "（なし）",
    "word.comma": "、",
    # ---- the command line: click's usage errors (helpformat.py) ---------------------------------------------------
    "cli.usage": (
        "$problem",
        "$command $option で使い方を表示します",
    ),
    "cli.usage/no-such-option": "知らないオプション「$option」です$more",
    "cli.usage/no-such-command": "知らないコマンド「$name」です$more",
    "cli.usage/missing-argument": "引数 $name がありません",
    "cli.usage/missing-option": "オプション $name がありません",
    "cli.usage/needs-value": "オプション $name には値が要ります",
    "cli.usage/no-value": "オプション $name は値を取りません",
    "cli.usage/extra": "余分な引数があります（$extra）",
    "cli.usage/invalid": "$name の値が正しくありません: $reason",
    "cli.usage/no-command": "コマンドを指定してください",
    "cli.usage/possible": "（使えるもの: $choices）",
    "cli.usage/did-you-mean": "（「$close」のことですか？）",
    # ---- kplan build's lint summary, lint --fix's slips, kplan fmt --encoding -------------------------------------
    "cli.build-lint-summary": (
        "kplan build: kplan lint のエラー $errors 件、警告 $warnings 件（詳しくは kplan lint。--strict "
        "でエラーのあるときは作りません）"
    ),
    "cli.build-strict": "kplan build --strict: エラーがあるため出力を作りませんでした（前の出力はそのままです）",
    "cli.lint-fixed-slips": "kplan lint --fix: $file の全角の字下げ・コロン・ハイフンを半角に直しました",
    "cli.encoding-all-utf8": "kplan fmt --encoding: どのソースファイルも UTF-8 です",
    "cli.encoding-unknown": (
        "文字コードを判別できません（UTF-8 でも Shift_JIS でも EUC-JP でもありません）。変換しません",
        "作ったソフトで UTF-8 として保存し直してください",
    ),
    "cli.encoding-found": "$file: $encoding で保存されています → $action。先頭はこう読めます:",
    "cli.encoding-found/can-convert": "変換できます",
    "cli.encoding-found/converts": "UTF-8 に変換します",
    "cli.encoding-check": "kplan fmt --encoding --check: UTF-8 でないファイルが $count 件あります",
    "cli.encoding-converted": "kplan fmt --encoding: $count ファイルを UTF-8 に変換しました",
    # ---- lint: content rules (lint/content_rules.py) ---------------------------------------------------------------
    "word.figure/caption": "図「$caption」",
    "word.figure/id": "図(id: $id)",
    "lint.figure-alt": (
        "${figure}に代替テキストがありません",
        "alt: に図の内容を文章で書いてください(画面読み上げで読まれます)",
    ),
    "lint.figure-missing": (
        "${figure}は画像がなく「${label}」と印刷されます(${words})",
        "画像を受け取ったら image: にファイルを書いてください",
    ),
    "lint.figure-missing/words": "図中の文字が代わりに載ります",
    "lint.figure-missing/no-words": "図中の文字(words:)もありません",
    "lint.indicator-year/target": (
        "指標「${indicator}」の目標年度 $year が計画期間(${start}～${end}年度)の外です",
        "目標年度か計画期間(plan.yaml の period:)を確かめてください",
    ),
    "lint.indicator-year/baseline": (
        "指標「${indicator}」の現状値の年度 $year が計画期間の始まり(${start}年度)より後です",
        "現状値の年度か計画期間(plan.yaml の period:)を確かめてください",
    ),
    "lint.drafted-text": (
        "市の確認前の案文です: 「${excerpt}」",
        "市に確認し、確定したら drafted の印を外してください",
    ),
    # ---- lint: reference rules (lint/refs_rules.py) ----------------------------------------------------------------
    "lint.measure-ref": (
        "取組施策「${measure}」が計画にありません",
        "章に置かれた取組施策(plan/measures/ のファイル)の id を書いてください",
    ),
    "lint.errata-ref/no-file": (
        "正誤表「${id}」のファイル $file がありません",
        "file: を直してください",
    ),
    "lint.errata-ref/right-missing": (
        "正誤表「${id}」の正「${right}」が $file にありません",
        "本文か正誤表の right: を直してください",
    ),
    "lint.errata-ref/wrong-remains": (
        "正誤表「${id}」で直したはずの誤「${wrong}」が残っています",
        "「${right}」に直してください",
    ),
    "lint.empty-date/revised": (
        "第${edition}版の改定年月が未定です(${printed})",
        "plan.yaml の dates: revised: に改定年月(例: 2024-03)を書いてください",
    ),
    "lint.empty-date/printed-nothing": "何も印刷されません",
    "lint.empty-date/printed-as": "「${label}」と印刷されます",
    "lint.empty-date/blank": (
        "日付が空欄です: 「${date}」",
        "年と月を入れてください",
    ),
    # ---- lint: merged items and raw HTML (lint/markup_rules.py) ----------------------------------------------------
    "lint.merged-items": "「${mark}」で始まる行が前の行とつながり、一つの項目として表示されます(行 ${lines})",
    "lint.merged-items/hint-markdown": (
        "別の項目にするなら、各行を半角の「- 」で始めた箇条書きにし、前の段落との間に空行を入れてください。"
        "文を続けるつもりなら、前の行につなげてください"
    ),
    "lint.merged-items/hint-yaml": (
        "YAMLのリストの項目は、どれも同じ字下げで「- 」から書きます。前の項目の「- 」と字下げをそろえてください"
    ),
    "lint.raw-html/comment": (
        "HTMLのコメント「${shown}」は隠れず、そのまま文字として表示されます",
        "表示しないメモは計画のファイルに書かず、別に残してください",
    ),
    "lint.raw-html/tag": "HTMLのタグ「${shown}」は使えず、そのまま文字として表示されます",
    "lint.raw-html/hint-br": (
        "改行はできません。段落を分けるなら空行を入れ、項目を並べるなら「- 」の箇条書きにしてください"
    ),
    "lint.raw-html/hint-a": "リンクは [表示する文字](https://…) と書いてください",
    "lint.raw-html/hint-img": "画像は ```{figure} で置いてください",
    "lint.raw-html/hint-table": "表は Markdown の表(| で区切った行)か、YAML の表(```{records})で書いてください",
    "lint.raw-html/hint-list": "箇条書きは各行を半角の「- 」で始めてください",
    "lint.raw-html/hint-other": "タグを消してください(太字・色などの文字飾りはできません)",
    # ---- lint: glossary rules (lint/glossary_rules.py) -------------------------------------------------------------
    "word.glossary": "用語解説",
    "word.glossary/named": "${title}(${file})",
    "lint.unknown-term/explicit": "※{${name}} の用語が用語解説にありません",
    "lint.unknown-term/marked": "※の付いた語「…${before}」が用語解説にありません",
    "lint.unknown-term/hint-near": "近い用語: $terms",
    "lint.unknown-term/hint-add": "${glossary}に追加するか、※を外してください",
    "lint.term-unused": (
        "用語「${term}」は本文のどこにも※が付いていません",
        "最初に出てくる $where で「${term}※」としてください",
    ),
    "lint.first-occurrence-unmarked": (
        "用語「${spelling}」の最初の出現に※がありません(※は後の $marker にあります)",
        "※は最初の出現に付けます: ここを「${spelling}※」とし、$marker の※を外してください",
    ),
    "lint.term-not-in-text": "用語「${term}」の表記が本文に見当たりません",
    "lint.term-not-in-text/hint-near": (
        "本文の近い表記は「${spelling}」(${where})です。用語解説の表記を本文に合わせてください"
    ),
    "lint.term-not-in-text/hint-none": "本文に近い表記もありません。用語解説から外すか、本文を確かめてください",
    "lint.glossary-order": (
        "用語「${term}」${reading}の位置がアルファベット・50音順になっていません",
        "${where}に移してください(kplan fmt で並べ替えられます)",
    ),
    "lint.glossary-order/reading": "(読み: ${reading})",
    "lint.glossary-order/after": "「${after}」の後",
    "lint.glossary-order/before": "「${before}」の前",
    "lint.glossary-order/between": "「${after}」の後、「${before}」の前",
    "lint.reading/not-kana": (
        "用語「${term}」の読み「${reading}」がかなではありません",
        "読みはひらがな(またはカタカナ)で書いてください。50音順と検索に使います",
    ),
    "lint.reading/mismatch": (
        "用語「${term}」の読み「${reading}」が表記と合いません",
        "読みは「${expected}」です",
    ),
    "lint.reading-unconfirmed": (
        "用語「${term}」の読み「${reading}」は未確認です",
        "読みを確かめ、正しければ reading_confirmed: false を外してください",
    ),
    "lint.duplicate-term": (
        "用語解説に「${spelling}」が重複しています(最初: 「${first}」${where})",
        "一つにまとめるか、どちらかの表記を外してください",
    ),
    "lint.empty-definition": (
        "用語「${term}」の説明が空です",
        "用語の説明を書いてください",
    ),
    # ---- lint: text rules (lint/text_rules.py) ---------------------------------------------------------------------
    "word.script/greek": "ギリシャ文字",
    "word.script/cyrillic": "キリル文字",
    "word.script/armenian": "アルメニア文字",
    "word.script/hebrew": "ヘブライ文字",
    "word.script/arabic": "アラビア文字",
    "word.script/thai": "タイ文字",
    "word.script/hangul": "ハングル",
    "lint.foreign-script": (
        "日本語の文に${script}「${chars}」が混じっています: ${context}",
        "似た形の別の文字です(${names})。カタカナ・漢字で打ち直してください",
    ),
    "lint.broken-character/replacement": (
        "文字化け(U+FFFD)があります",
        "元の資料を見て、正しい文字を入れてください",
    ),
    "lint.broken-character/private-use": (
        "外字(私用領域の文字 ${code})があります",
        "ほかの環境では表示されません。常用の文字で書き換えてください",
    ),
    "lint.broken-character/control": (
        "制御文字 $code があります",
        "その文字を削除してください",
    ),
    "lint.broken-character/invisible": (
        "見えない文字 $code があります",
        "その文字を削除してください",
    ),
    "lint.old-kanji": (
        "旧字体・異体字「${old}」があります",
        "常用漢字表の字体「${new}」にしてください",
    ),
    "lint.marker-asterisk/asterisk": "用語の印に「${mark}」が使われています",
    "lint.marker-asterisk/bracketed": "用語の印が「${mark}」になっています",
    "lint.marker-asterisk/hint-resolves": "「※」にしてください",
    "lint.marker-asterisk/hint-add-term": "「※」にし、用語を用語解説に加えてください(直前の語は用語解説にありません)",
    "lint.near-miss": (
        "「${window}」は用語「${term}」の書き誤りではありませんか",
        "用語解説の表記「${term}」にそろえてください",
    ),
    "lint.fullwidth-alnum": (
        "全角の英数字「${old}」があります",
        "半角「${new}」にしてください",
    ),
    "lint.halfwidth-kana": (
        "半角カタカナ「${old}」があります",
        "全角「${new}」にしてください",
    ),
    "lint.doubled-particle": (
        "助詞「${particle}」が重なっています: 「${text}」",
        "「${particle}」を一つにしてください",
    ),
    "lint.missing-period": (
        "文末に句点「。」がありません",
        "文の終わりに「。」を付けてください",
    ),
    "lint.spelling-variant": (
        "「${rare}」と「${common}」の表記が混在しています",
        "どちらかにそろえてください(「${common}」: ${other})。そろえる表記は表記ゆれ辞書 $dictionary に登録できます",
    ),
    "lint.style-dictionary": (
        "「${old}」は「${new}」と書きます${note}",
        "「${new}」にしてください(表記ゆれ辞書 ${dictionary})",
    ),
    "lint.style-dictionary/note": "(${note})",
    # ---- lint: IME slips in Markdown (lint/ime_rules.py) -----------------------------------------------------------
    "word.full-width-space": "全角スペース(U+3000)",
    "word.full-width-char": "「${char}」(${point})",
    "lint.ime-heading/marks": (
        "見出しの「${typed}」に全角の文字があります: ${chars}",
        "半角で「${fixed}」と書いてください(kplan lint --fix で直せます)",
    ),
    "lint.ime-heading/paragraph": (
        "見出しのつもりの「${typed}」が全角で書かれ、本文として表示されます: ${chars}",
        "見出しなら半角の # と半角スペースで書き、行の終わりに {#id} を付けてください(例: ## 目的 {#purpose})",
    ),
    "lint.ime-heading-id": (
        "見出しの id「${typed}」に全角の文字があります: ${chars}",
        "半角で「${fixed}」と書いてください(kplan lint --fix で直せます)",
    ),
    "lint.ime-directive/fence": "囲み(```)に全角の文字があります: ${chars}",
    "lint.ime-directive/name": "指令の名前に全角の文字があります: ${chars}",
    "lint.ime-directive/hint-fixed": "半角で「${fixed}」と書いてください(kplan lint --fix で直せます)",
    "lint.ime-directive/hint-ascii": "半角の ``` と {measure} のような半角の指令名で書いてください",
    "lint.ime-indent": (
        "行頭の全角スペース(U+3000)の後の「${marker}」は箇条書きにならず、${joined}表示されます",
        "全角スペースを消して、行頭から半角の「- 」で書いてください(箇条書きは1段だけです)",
    ),
    "lint.ime-indent/joined": "前の項目や段落につながって",
    "lint.ime-indent/as-text": "文字のまま",
    "lint.ime-list-marker": (
        "行頭の全角の${chars}は箇条書きの印にならず、文字のまま表示されます",
        "箇条書きなら、行頭を半角の「- 」(ハイフンと半角スペース)にしてください",
    ),
    # ---- lint --fix: why a fix was not made (lint/fix.py) ----------------------------------------------------------
    "cli.lint-not-fixed/outside-project": "プロジェクトの外のファイルは直しません",
    "cli.lint-not-fixed/unreadable": "ファイルを読めません: $error",
    "cli.lint-not-fixed/failed": "修正できませんでした(${error})",
    "cli.lint-not-fixed/moved": "ファイルが変わっていて位置が合いません。もう一度 kplan lint を実行してください",
    "cli.lint-not-fixed/overlaps": "別の修正と重なるため、次の実行で直します",
    "cli.lint-not-fixed/yaml-unreadable": "YAMLとして読めません: $error",
    "cli.lint-not-fixed/yaml-no-place": "YAMLの値の中で修正箇所を特定できません",
    "cli.lint-not-fixed/yaml-reads-differently": (
        "YAMLを書き戻すと修正箇所以外の値の読み方も変わるため、手で直してください"
    ),
    "cli.lint-not-fixed/yaml-not-in-value": "修正箇所がYAMLの値の中にありません",
    "cli.lint-not-fixed/yaml-other-lines": "YAMLを書き戻すと修正箇所以外の行も変わるため、手で直してください",
    # ---- lint's reports (lint/report.py, lint/fix.py) --------------------------------------------------------------
    "word.suggestion/annotation": "\n提案: $suggestion",
    "word.change": "「${old}」→「${new}」",
    # ---- kplan import: reading the input (importer/container.py, errors.py) ------------------------------------------
    "word.where-paragraph": "$file:段落$number",
    "import.not-found": ("ファイルが見つかりません", "ファイル名と場所を確かめてください"),
    "import.not-a-file": ("フォルダーです。ファイルではありません", "取り込む .docx か .md を指定してください"),
    "import.too-large/file": (
        "ファイルが大きすぎます（$size MB、上限 $limit MB）",
        "画像を圧縮するか、章ごとに分けて取り込んでください",
    ),
    "import.unreadable": ("ファイルを読めません（$reason）", "ファイルの読み取り権限を確かめてください"),
    "import.encrypted/password": (
        "パスワードで保護された Word 文書です",
        "Word で開いて「ファイル」→「情報」→「文書の保護」でパスワードを解除し、保存し直してください",
    ),
    "import.old-format/or-not-word": (
        "古い形式の Word 文書(.doc)か、Word 文書ではありません",
        "Word で開き、「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください",
    ),
    "import.empty/file": ("ファイルが空です", "文書の中身があるファイルを指定してください"),
    "import.not-docx/pdf": (
        "PDFです。Word 文書(.docx)ではありません",
        "Word で開き、「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください",
    ),
    "import.not-docx": (
        "Word 文書(.docx)ではありません",
        "Word で開き、「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください",
    ),
    "import.corrupt/package": (
        "Word 文書が壊れています（ファイルの途中で切れているか、中身が読めません）",
        "Word で開き、「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください",
    ),
    "import.not-docx/excel": (
        "Excel のブックです。Word 文書ではありません",
        "Word で開き、「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください",
    ),
    "import.not-docx/powerpoint": (
        "PowerPointです。Word 文書ではありません",
        "Word で開き、「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください",
    ),
    "import.not-docx/no-body": (
        "Word 文書(.docx)ではありません（本文が見つかりません）",
        "Word で開き、「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください",
    ),
    "import.too-large/members": ("Word 文書の中のファイルが多すぎます", "文書を分けて取り込んでください"),
    "import.encrypted/member": ("暗号化された Word 文書です", "パスワードを解除してから保存し直してください"),
    "import.too-large/expanded": (
        "Word 文書を展開すると大きくなりすぎます（圧縮爆弾の疑い、または巨大な画像）",
        "画像を圧縮するか、文書を分けて取り込んでください",
    ),
    "import.corrupt/member": (
        "Word 文書が壊れています（中のファイルが読めません）",
        "Word で開き、「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください",
    ),
    "import.unsafe": (
        "Word 文書の中に、Word が書かない XML の宣言（DOCTYPE・ENTITY）があります（$part）",
        "Word で開いて保存し直したファイルを使ってください",
    ),
    "import.not-text": ("テキストファイルではありません", "Markdown(.md)は文字だけのファイルです"),
    "import.encoding/unknown": (
        "文字コードを判別できません（UTF-8 でも Shift_JIS でもありません）",
        "UTF-8 で保存し直してください",
    ),
    # ---- kplan import: reading Word documents (importer/docx_reader.py) ----------------------------------------------
    "import.corrupt/word": (
        "Word 文書が壊れていて読めません",
        "Word で開き、「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください",
    ),
    "import.contents-dropped/word": "Word の目次を読み飛ばしました（kplan が目次を作ります）",
    "import.textbox": "テキストボックスの文章を、その段落の後ろに置きました",
    "import.dropped/symbol": "記号フォントの文字（w:sym）を読み取れないため省きました",
    "import.dropped/chart": "Word のグラフは取り込めません（画像にして貼り付けてください）",
    "import.dropped/smartart": "SmartArt は取り込めません（画像にして貼り付けてください）",
    "import.dropped/table-image": "表の中の画像は取り込めません（表の外に置いてください）",
    "import.footnote": "脚注 $count 件を、段落の後ろの注記にしました",
    "import.nested-table": "表の中の表は、文字だけを外側の表のセルに入れました",
    # ---- kplan import: Markdown, clean-up, measure cards (importer/md_reader.py, cleanup.py, measures.py) ------------
    "import.encoding": "UTF-8 ではないため Shift_JIS として読みました",
    "import.code-block": "コードブロックの各行を本文の段落にしました",
    "import.control-characters": "制御文字・見えない文字を $count か所で取り除きました",
    "import.measures-not-found": (
        "--measures $spec に当たる章が見つかりません",
        "章の番号(例: 第3章 または 3)か、章の題名の一部を指定してください",
    ),
    "import.measure-skipped/not-cards": (
        "「${parent}」の下の節は、「${section}」が施策カードの形でない（${reason}）ため、"
        "どれも施策カードにせず本文のまま残しました"
    ),
    "import.measure-skipped/why-subheadings": "小見出しが複数あります",
    "import.measure-skipped/why-other-subheading": "取組内容以外の小見出しがあります",
    "import.measure-skipped/why-not-one-list": "「${label}」の下が箇条書き一つだけではありません",
    "import.measure-skipped/why-no-actions": "最後に取組の箇条書きがありません",
    "import.measure-skipped/why-tables": "表や注記があります",
    # ---- kplan import: indicator tables and the glossary (importer/components.py, glossary.py) -----------------------
    "import.indicators-uncertain/column": "指標の表に見えますが、列「${column}」があるため表のまま残しました",
    "import.indicators-uncertain/merged": "指標の表に見えますが、結合されたセルがあるため表のまま残しました",
    "import.indicators-uncertain/no-name": "指標の表に見えますが、指標名のない行があるため表のまま残しました",
    "import.indicators-uncertain/value": (
        "指標の表に見えますが、値「${value}」を数値として読めないため表のまま残しました"
    ),
    "import.indicators-uncertain/units": "指標の表に見えますが、値の単位がそろわないため表のまま残しました",
    "import.glossary-entry/no-definition": "用語「${term}」の説明が見つかりません",
    "import.glossary-entry/guessed": "「${text}」を用語、次の段落をその説明とみなしました",
    "import.glossary-unrecognised/paragraph": "「${text}」を用語と説明に分けられません",
    "import.glossary-unrecognised/list-item": "箇条書き「${text}」を用語と説明に分けられません",
    "import.glossary-unrecognised/note": "用語集の中の注記を用語と説明に分けられません",
    "import.glossary-unrecognised/other": "用語集の中に用語と説明以外のもの（図など）があります",
    "import.glossary-unrecognised/no-terms": "用語集に用語が見つかりません",
    "import.glossary-unrecognised/table-columns": "用語集の表に列が足りません（用語と説明の2列が必要です）",
    "import.glossary-unrecognised/table-row": "用語集の表の行「${text}」に用語か説明がありません",
    # ---- kplan import: pictures (importer/components.py) -------------------------------------------------------------
    "import.image/why-link": "リンクされた画像（ファイルの外にある画像）は取り込めません",
    "import.image/why-outside": "文書のフォルダーの外にある画像は取り込めません",
    "import.image/why-missing": "画像ファイルが見つかりません",
    "import.image/why-too-large": "画像ファイルが大きすぎます",
    "import.image/why-unreadable": "画像を読み取れません",
    "import.image/why-format": "${kind}形式の画像は使えません（PNG か JPEG にしてください）",
    "import.image/why-unknown-format": "不明な形式の画像は使えません（PNG か JPEG にしてください）",
    "import.image/why-svg": "SVG 画像にスクリプトや外部への参照が含まれているため使えません（PNG にしてください）",
    # ---- kplan import: writing the plan (importer/writer.py) ---------------------------------------------------------
    "import.link-dropped/scheme": "リンク先「${url}」は http・https・mailto ではないため、文字だけ残しました",
    "import.link-dropped/action": "取組内容の項目のリンクは、文字だけ残しました",
    "import.link-dropped/definition": "用語「${term}」の説明のリンクは、文字だけ残しました",
    "import.nested-list": "入れ子の箇条書きを1段にしました（kplan の箇条書きは1段です）",
    "import.merged-cells": "表の結合されたセル $count 個を分けました（見出しの行は上下の文字をつなげました）",
    "import.image-alt": "画像に代替テキストがありません（lint の figure-alt で、alt: を書くよう求められます）",
    "import.image": "${reason}。図は「図は未収録」として置きました",
    "import.actions-label": (
        "施策カードの取組の箇条書きに、kplan の見出し「取組内容」が付きます（plan.yaml の labels: actions "
        "で変えられます）"
    ),
    "import.reading": "用語「${term}」の読みを推定できませんでした（仮に「${placeholder}」としました）",
    "import.alias": "別名「${alias}」はほかの用語と同じ表記のため付けませんでした",
    "import.glossary-order": (
        "用語の並びが推定した読みの50音順と合わない（${terms}${more}）ため、書かれた順（order: as-written）"
        "のままにしました"
    ),
    "import.glossary-order/term": "「${term}」",
    "import.glossary-order/separator": "、",
    "import.glossary-order/more": " ほか${count}件",
    # ---- kplan import: structure and numbering (importer/structure.py, numbering.py) ---------------------------------
    "word.level/chapter": "章",
    "word.level/appendix": "資料",
    "word.level/section": "節",
    "word.level/subsection": "項",
    "word.level/item": "目",
    "word.level/named": "${name}（第${depth}階層）",
    "word.level/deep": "第${depth}階層（第${depth}階層）",
    "word.typed-number": "「${number}」",
    "word.typed-number/none": "番号なし",
    "import.numbering-mixed/some-unnumbered": (
        "${what}の見出しに番号のあるものとないもの（「${title}」など）があるため、"
        "番号は書かれたとおり見出しに残しました"
    ),
    "import.numbering-mixed/styles": (
        "${what}の見出しの番号の書き方がそろっていない（${kinds}）ため、番号は書かれたとおり見出しに残しました"
    ),
    "import.numbering-mixed/separator": "・",
    "import.numbering-kept/pattern": (
        "${what}の番号 ${number} は kplan の番号の書式で表せないため、書かれたとおり見出しに残しました"
    ),
    "import.numbering-kept/chapter-prefix": (
        "${what}の番号 ${number} は章の番号から始まる書き方で、kplan の番号の書式で表せないため、"
        "書かれたとおり見出しに残しました"
    ),
    "import.numbering-repeat": (
        "${what}の番号 ${number} が重複しています。番号を付け直さず、この階層の番号は書かれたとおり見出しに残しました"
    ),
    "import.numbering-skip": (
        "${what}の番号が飛んでいます（${number} の前の番号がありません）。番号を付け直さず、"
        "この階層の番号は書かれたとおり見出しに残しました"
    ),
    "import.numbering-order": (
        "${what}の番号 ${number} が順番どおりではありません。番号を付け直さず、"
        "この階層の番号は書かれたとおり見出しに残しました"
    ),
    "import.contents-dropped/lines": "目次の行を読み飛ばしました（kplan が目次を作ります）",
    "import.contents-dropped": "目次を読み飛ばしました（kplan が目次を作ります）",
    "import.empty": ("文書に本文がありません", "文章の入った文書を指定してください"),
    "import.no-headings": (
        "見出しがないため、章や節に分けられません",
        "Word では章・節の題に「見出し 1」「見出し 2」のスタイルを、Markdown では # と ## を付けてください",
    ),
    "import.no-municipality": (
        "自治体名が分かりません（文書の題名から読み取れませんでした）",
        "--municipality 〇〇市 で自治体名を指定してください",
    ),
    "import.title-guess": "計画の名前を「${title}」としました",
    "import.title-guess/lone-heading": "ただ一つの最上位の見出し「${title}」を計画の名前とみなしました",
    "import.title-guess/before-chapters": "章の前の番号のない見出し「${title}」を計画の名前とみなしました",
    "import.heading-demoted": "最初の章より前の見出し「${title}」を段落にしました",
    "import.cover-text": "最初の章より前の文章（表紙など）を、最初の章の冒頭に置きました",
    "import.heading-skip": "見出し「${title}」の階層が飛んでいるため、一つ上の階層にしました",
    "import.glossary-entry/kept-as-text": "${reason}。用語集にせず、本文のまま残しました",
    "import.glossary-unrecognised/kept-as-text": "${reason}。用語集にせず、本文のまま残しました",
    "import.unnumbered-part": "番号のない「${title}」を、番号を付けない部（資料の扱い）にしました",
    "import.glossary-twice": "二つ目の用語集は本文のまま残しました",
    "import.marker/bracketed": "「[※]」$count か所を「※」にしました（最初の箇所）",
    "import.marker/asterisk": "※ の代わりに書かれた「*」$count か所を「※」にしました（最初の箇所）",
    "import.marker/asterisk-left": (
        "用語の後ろではない「*」$count か所はそのまま残しました（lint が知らせます）（最初の箇所）"
    ),
    "import.measure-skipped": "「${title}」に施策カードにできる節がありませんでした",
    # ---- kplan import: the command and its report (importer/command.py, report.py) -----------------------------------
    "import.old-format": (
        "古い形式の Word 文書(.doc)は取り込めません",
        "Word で開き、「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください",
    ),
    "import.unsupported-type": (
        "この種類のファイル（${suffix}）は取り込めません",
        "Word 文書(.docx)か Markdown(.md)を指定してください",
    ),
    "import.unsupported-type/no-suffix": (
        "この種類のファイル（拡張子なし）は取り込めません",
        "Word 文書(.docx)か Markdown(.md)を指定してください",
    ),
    "import.write": (
        "計画を ${target} に書き込めません（${reason}）",
        "フォルダーの場所と書き込み権限を確かめてください",
    ),
    "import.not-empty/file": ("${target} はファイルです", "計画を作る新しいフォルダー名を指定してください"),
    "import.not-empty": (
        "フォルダー ${target} は空ではありません（何も書き込みませんでした）",
        "新しいフォルダー名か、空のフォルダーを指定してください",
    ),
    "import.corrupt": (
        "文書を読み取れません（ファイルが壊れているか、想定していない形です）",
        "Word で開いて保存し直してから、もう一度取り込んでください",
    ),
    "import.internal": (
        "作った計画を kplan が読めませんでした（${first}）",
        "kplan の不具合です。元の文書を添えて報告してください",
    ),
    "import.report/created": "${source} から新しい計画を ${directory} に作りました（${files} ファイル）。",
    "import.report/carried": "取り込んだもの: ${parts}",
    "import.report/separator": "・",
    "import.report/chapters": "章 ${count}",
    "import.report/appendices": "資料など ${count}",
    "import.report/sections": "節 ${count}",
    "import.report/measures": "施策カード ${count}",
    "import.report/tables": "表 ${count}（うち指標の表 ${indicators}）",
    "import.report/figures": "図 ${count}",
    "import.report/terms": "用語 ${count}（推定した読み ${readings}）",
    "import.report/markers": "※ ${count}",
    "import.report/guesses": "推測した箇所・確認が必要な箇所（${count} 件）:",
    "import.report/no-guesses": "推測した箇所はありません。",
    "import.report/lint": "kplan lint: エラー ${errors} 件、警告 ${warnings} 件、情報 ${infos} 件",
    "import.report/next": (
        "次に: kplan -C ${directory} lint で確かめ、kplan -C ${directory} build でサイトと PDF を作れます。"
    ),
}
