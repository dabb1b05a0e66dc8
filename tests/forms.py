"""Generated reports, and the forms real published texts take, for the reading properties.

A `Generated` report is a consistent 2021-format report (every identity of tables 三 and
四 holds, the prose agrees with the tables) by an issuer of our own invention. `render`
writes it as text in a given form: the tables in any layout (pipe rows with merged
labels repeated, markdown, one cell per line with pipe separator lines, tabs, columns
aligned by spaces as PDF text has them), page furniture above and below, the whole text
on one line (cells spaced or run together), in traditional script, or as a web page's
source saved as text. The reading of every form must be the reading of the clean one.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from hypothesis import strategies as st

from reportlint.normalize import cn_numeral
from reportlint.templates import table_spec, template

ERA = "2021"
SECTIONS = template(ERA).sections
T3 = table_spec(ERA, "t3")
T4 = table_spec(ERA, "t4")
T2 = [table_spec(ERA, t) for t in ("t2_1", "t2_5", "t2_6", "t2_8")]
T3_DATA = [r for r in T3["rows"] if not r.get("group")]
T3_RESULTS = [r["id"] for r in T3_DATA if r.get("parent") and r["id"] != "grand_total"]
T3_LABELS = {r["id"]: r["label"] for r in T3["rows"]}

PLACES = ["青山", "白水", "金沙", "石门", "云岭", "东湖", "南溪", "北塘"]
UNITS = [("县统计局", "county_dept"), ("县人民政府", "county"), ("镇人民政府", "township"),
         ("街道办事处", "street"), ("市教育局", "city_dept"), ("区市场监督管理局", "county_dept")]


@dataclass
class Generated:
    """A consistent report: issuer, year, the tables' numbers and a sentence per part."""

    issuer: str
    level: str
    year: int
    t2: dict[str, dict[str, list[int]]]
    t3: dict[str, list[int]]
    t4: list[int]
    notes: dict[str, str] = field(default_factory=dict)  # a section's text instead of the stock one

    @property
    def title(self) -> str:
        return f"{self.issuer}{self.year}年政府信息公开工作年度报告"

    def cells(self) -> dict[tuple[str, str, str], int]:
        """Every cell of tables 二, 三 and 四: (table, row, column) → value."""
        out = {}
        for spec in T2:
            for row_id, values in self.t2[spec["id"]].items():
                for col, value in zip(spec["columns"], values):
                    out[(spec["id"], row_id, col["id"])] = value
        for row_id, values in self.t3.items():
            for col, value in zip(T3["columns"], values):
                out[("t3", row_id, col["id"])] = value
        for col, value in zip(T4["columns"], self.t4):
            out[("t4", "cases", col["id"])] = value
        return out


@st.composite
def reports(draw) -> Generated:
    """A consistent report of a made-up issuer."""
    place = draw(st.sampled_from(PLACES))
    unit, level = draw(st.sampled_from(UNITS))
    year = draw(st.integers(2021, 2025))
    small = st.integers(0, 30)
    issued, repealed = draw(small), draw(st.integers(0, 5))
    t2 = {"t2_1": {"rules": [0, 0, 0], "normative": [issued, repealed, issued + draw(small)]},
          "t2_5": {"licensing": [draw(st.integers(0, 900))]},
          "t2_6": {"penalty": [draw(st.integers(0, 300))], "coercion": [draw(st.integers(0, 20))]},
          "t2_8": {"fees": [0]}}
    rows = {rid: [draw(st.integers(0, 12)) if c == 0 else draw(st.sampled_from([0, 0, 0, 1, 2]))
                  for c in range(6)] for rid in T3_RESULTS}
    rows["grand_total"] = [sum(rows[r][c] for r in T3_RESULTS) for c in range(6)]
    rows["carried_out"] = [draw(st.integers(0, 3)) for _ in range(6)]
    rows["carried_in"] = [draw(st.integers(0, min(3, rows["grand_total"][c] + rows["carried_out"][c])))
                          for c in range(6)]
    rows["new"] = [rows["grand_total"][c] + rows["carried_out"][c] - rows["carried_in"][c] for c in range(6)]
    t3 = {r["id"]: rows[r["id"]] + [sum(rows[r["id"]])] for r in T3_DATA}
    t4 = []
    for _ in range(3):
        parts = [draw(st.integers(0, 4)) for _ in range(4)]
        t4 += parts + [sum(parts)]
    return Generated(f"{place}{unit}", level, year, t2, t3, t4)


# ---- the report as lines: title, preamble, sections, tables as rows of cells ----

def _prose(g: Generated) -> dict[str, list[str]]:
    new, carried = g.t3["new"][-1], g.t3["carried_in"][-1]
    done, out = g.t3["grand_total"][-1], g.t3["carried_out"][-1]
    return {**{
        "overview": [f"{g.year}年，本单位认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。",
                     f"全年收到政府信息公开申请{new}件，上年结转{carried}件，办结{done}件，结转下年度继续办理{out}件。"],
        "proactive": [f"全年制发行政规范性文件{g.t2['t2_1']['normative'][0]}件，均按规定及时公开。"],
        "requests": ["收到和处理政府信息公开申请情况见下表。"],
        "review": ["政府信息公开行政复议、行政诉讼情况见下表。"],
        "problems": ["一是政策解读的形式还不够丰富；二是公开栏目的更新还不够及时。下一步将逐项整改。"],
        "other": ["本年度未收取信息处理费。"],
    }, **{section: [text] for section, text in g.notes.items()}}


def _t3_rows() -> list[tuple[list[str], str]]:
    """(the label cells as a merged table repeats them, row id) for each data row."""
    out = []
    for row in T3_DATA:
        chain, at = [row["label"]], row
        while at.get("parent"):
            at = next(r for r in T3["rows"] if r["id"] == at["parent"])
            chain.insert(0, at["label"])
        out.append((chain, row["id"]))
    return out


def table_rows(g: Generated) -> dict[str, list[list[str]]]:
    """Each table as rows of cell texts, header rows first, merged cells repeated."""
    out: dict[str, list[list[str]]] = {}
    for spec in T2:
        rows = [[spec["caption"]], [spec["corner"], *(c["label"] for c in spec["columns"])]]
        rows += [[r["label"], *map(str, g.t2[spec["id"]][r["id"]])] for r in spec["rows"]]
        out[spec["id"]] = rows
    cols = [c["label"] for c in T3["columns"]]
    rows = [[T3["corner"], "申请人情况"], [cols[0], "法人或其他组织", cols[-1]], cols[1:-1]]
    rows += [[*chain, *map(str, g.t3[rid])] for chain, rid in _t3_rows()]
    out["t3"] = rows
    out["t4"] = [["行政复议", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
                 ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2, list(map(str, g.t4))]
    return out


# ---- table layouts: rows of cells → lines ----

def pipes(rows: list[list[str]]) -> list[str]:
    """| a | b | rows, as the Word and web readers write them."""
    return ["| " + " | ".join(r) + " |" for r in rows]


def markdown(rows: list[list[str]]) -> list[str]:
    """A markdown table: a rule under the first row."""
    lines = pipes(rows)
    return lines[:1] + ["|" + "---|" * len(rows[0])] + lines[1:]


def cell_lines(rows: list[list[str]]) -> list[str]:
    """One cell per line with a trailing pipe, a line of pipes after each row."""
    out = []
    for r in rows:
        out += [f"{c} |" for c in r] + ["|||"]
    return out


def tabs(rows: list[list[str]]) -> list[str]:
    return ["\t".join(r) for r in rows]


def aligned(rows: list[list[str]]) -> list[str]:
    """Columns aligned by runs of spaces (pdftotext -layout), a merged label once."""
    out, above = [], []
    for r in rows:
        cells = [c if k >= len(above) or c != above[k] or _is_value(c) else "" for k, c in enumerate(r)]
        out.append("    ".join(c for c in cells if c) if any(cells) else "")
        above = r
    return out


def _is_value(text: str) -> bool:
    return text.isdigit()


LAYOUTS = {"pipes": pipes, "markdown": markdown, "cell_lines": cell_lines, "tabs": tabs, "aligned": aligned}


def lines_of(g: Generated, layout=pipes, tables: dict[str, list[list[str]]] | None = None) -> list[str]:
    """The report's lines in the clean form, its tables (`tables`, else its own) in `layout`."""
    prose = _prose(g)
    tables = tables or table_rows(g)
    out = [g.title, "",
           f"本报告依据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自{g.year}年1月1日起至{g.year}年12月31日止。", ""]
    for spec in SECTIONS:
        out += [f"{cn_numeral(spec.number)}、{spec.title}", ""]
        out += [p for text in prose[spec.id] for p in (text, "")]
        for tid in {"proactive": ["t2_1", "t2_5", "t2_6", "t2_8"], "requests": ["t3"], "review": ["t4"]}.get(spec.id, []):
            out += layout(tables[tid]) + [""]
    out += [g.issuer, f"{g.year + 1}年1月20日"]
    return out


# ---- forms ----

def clean(g: Generated, layout=pipes) -> str:
    return "\n".join(lines_of(g, layout)) + "\n"


FURNITURE_ABOVE = [
    ["首页 > 政务公开 > 政府信息公开年报 > 正文", "【字体：大 中 小】 【打印】 【关闭】"],
    ["索引号：000000000/2025-00012", "发布机构：{issuer}", "发布日期：{published}", "文号：", "有效性：有效"],
    ["- 索 引 号: 11000000X/2025-0001", "- 发布机构: {issuer}", "- 主题分类: 政务公开"],
    ["| 索引号： | 000000000/2025-00012 | 发布机构： | {issuer} |", "|---|---|---|---|",
     "| 生成日期： | {published} | 关键词： | 年度报告 |"],
    ["当前位置：首页 » 信息公开 » 年度报告", "无障碍 长者版 繁体", "分享到： 收藏"],
    ["首页", "政务公开", "政府信息公开年报", "政策文件", "互动交流"],
]
FURNITURE_BELOW = [
    ["【打印本页】 【关闭窗口】", "扫一扫在手机打开当前页"],
    ["相关附件：", "年度报告.docx", "统计表.xlsx"],
    ["上一篇：关于公布权责清单的通知", "下一篇：政务公开工作要点", "版权所有：青山县人民政府 网站标识码：0000000000"],
    ["相关词条", "热门词条", "联系我们"],
    ["政府信息公开年报"],
]


# how a published title stands: (lines in place of the title line, the wording rule it earns)
TITLE_FORMS = {
    "two lines": (lambda g: [g.issuer, f"{g.year}年政府信息公开工作年度报告"], None),
    "three lines": (lambda g: [g.issuer, f"{g.year}年", "政府信息公开工作年度报告"], None),
    "repeated": (lambda g: [g.title, "", g.title], None),
    "in brackets": (lambda g: [f"《{g.title}》"], None),
    "worded 工作报告": (lambda g: [f"{g.issuer}{g.year}年政府信息公开工作报告"], "S013"),
    "worded 年报": (lambda g: [f"{g.issuer}{g.year}年政府信息公开年报"], "S013"),
}


def titled(g: Generated, form: str, layout=pipes) -> str:
    """The clean text with its title in one of the forms published texts show."""
    lines = lines_of(g, layout)
    return "\n".join(TITLE_FORMS[form][0](g) + lines[1:]) + "\n"


def run_in_title(g: Generated) -> str:
    """The title and the first sentence on one line, as a page that lost a break has it."""
    lines = lines_of(g)
    return "\n".join([lines[0] + lines[2], *lines[3:]]) + "\n"


def untitled(g: Generated) -> str:
    """The clean text without its title line."""
    return "\n".join(lines_of(g)[2:]) + "\n"


def furnished(g: Generated, above: int, below: int, layout=pipes) -> str:
    """The clean text with a page's furniture above the title and below the end."""
    top = [line.format(issuer=g.issuer, published=f"{g.year + 1}-01-21") for line in FURNITURE_ABOVE[above]]
    return "\n".join(top + [""] + lines_of(g, layout) + [""] + FURNITURE_BELOW[below]) + "\n"


def one_line(g: Generated, joiner: str = " ", cells: str = " ") -> str:
    """The whole report on one line: lines joined by `joiner`, table cells by `cells`
    (a merged label once, as a page's text has it)."""
    parts = []
    for line in lines_of(g, lambda rows: [cells.join(_once(rows))]):
        if line:
            parts.append(line)
    return joiner.join(parts) + "\n"


def _once(rows: list[list[str]]) -> list[str]:
    """The cells of rows as a page's text gives them: a merged label once."""
    out, above = [], []
    for r in rows:
        for k, c in enumerate(r):
            if k < len(above) and c == above[k] and not _is_value(c) and k < len(r) - 1:
                continue
            out.append(c)
        above = r
    return out


def traditional(text: str, standard: str = "s2t") -> str:
    """The text in traditional characters, as mirror sites convert it (`s2tw`: the
    Taiwan standard, which Big5 encodes)."""
    import opencc
    return opencc.OpenCC(standard).convert(text)


def web_page(g: Generated) -> str:
    """The report as a web page's source: a content container, tables as <table>."""
    def table(rows: list[list[str]]) -> list[str]:
        return ["<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                                    for r in rows) + "</table>"]

    body = [line if line.startswith("<table>") else f"<p>{html.escape(line)}</p>"
            for line in lines_of(g, table) if line]
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html.escape(g.title) +
            "</title></head>\n<body><div class=\"nav\">首页 &gt; 政务公开</div>\n<div class=\"content\">\n"
            + "\n".join(body) + "\n</div></body></html>\n")


def excerpt(text: str, at: float) -> str:
    """The opening of a text, cut at the share `at` of its length, as pages keep it."""
    return text[: max(1, int(len(text) * at))]
