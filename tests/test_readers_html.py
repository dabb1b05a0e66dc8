"""Web pages: the article body only, spanning cells repeated, blank cells blank, the page's charset."""

from __future__ import annotations

from reportlint.checking.linter import Options, lint_bytes
from reportlint.reading.documents import read

ARTICLE = """
<div class="zoom">
<p style="text-indent:2em">本报告根据《条例》编制。&nbsp;&nbsp;统计期限自2023年1月1日起至2023年12月31日止。</p>
<p><strong>一、总体情况</strong></p>
<p>全年主动公开政府信息<span>120</span>条。<br>第二行。</p>
<table border="1">
<tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
    <td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td colspan="3">&nbsp;</td><td><p>商业</p>
<p>企业</p></td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>5</td><td>&nbsp;</td>
    <td><o:p> </o:p></td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
<tr><td rowspan="1">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<p>青山县统计局</p>
</div>
"""

PAGE = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>青山县统计局2023年政府信息公开工作年度报告_青山县人民政府</title>
<style>.zoom {{ font-size: 16px }}</style><script>var 年度报告 = "脚本";</script></head>
<body>
<div class="header">青山县人民政府 首页 政务公开 办事服务</div>
<div id="nav"><ul><li>首页</li><li>信息公开</li></ul></div>
<div class="main">
<table class="xxgk_table"><tr><td>索引号：</td><td>11320000/2024-00001</td><td>发布机构：</td><td>青山县统计局</td></tr></table>
<h1 class="article-title">青山县统计局2023年政府信息公开工作年度报告</h1>
{ARTICLE}
<div class="share">分享到：微信 微博</div>
</div>
<!-- 评论 -->
<footer>版权所有：青山县人民政府 网站标识码 3200000001 ICP备案</footer>
</body></html>
"""


def _lines(page: str = PAGE, name: str = "page.html", encoding: str = "gbk") -> list[str]:
    return list(read(name, page.encode(encoding)).lines)


def test_only_the_article_is_read():
    lines = _lines()
    assert lines[0] == "青山县统计局2023年政府信息公开工作年度报告"
    assert lines[1].startswith("本报告根据《条例》编制。 统计期限")
    assert lines[2:5] == ["一、总体情况", "全年主动公开政府信息120条。", "第二行。"]
    assert lines[-1] == "青山县统计局"
    text = "\n".join(lines)
    for chrome in ("首页", "索引号", "发布机构", "分享到", "版权所有", "脚本", "评论", "_青山县人民政府"):
        assert chrome not in text


def test_spanning_cells_stand_once_in_a_row_and_in_every_row_and_nbsp_cells_are_blank():
    rows = [line for line in _lines() if line.startswith("|")]
    caption = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert rows[:3] == [f"| {caption} | 申请人情况 |",
                        f"| {caption} | 自然人 | 法人或其他组织 | 总计 |",
                        "|  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"]
    assert rows[3] == "| 一、本年新收政府信息公开申请数量 | 5 |  |  | 0 | 0 | 0 | 5 |"
    assert rows[4] == "| 三、本年度办理结果 | （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |"
    assert rows[5] == "| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"


def test_locations_name_paragraphs_and_cells():
    source = read("page.html", PAGE.encode("gbk"))
    row = next(n for n, line in enumerate(source.lines, start=1) if "本年新收" in line)
    assert source.location(row, source.lines[row - 1].index("| 5") + 3) == "表1 第4行 第4列"  # grid column
    assert source.location(3, 1) == "第2段"


def test_charset_from_meta_or_detected():
    assert _lines(PAGE.replace("charset=gb2312", "charset=utf-8"), encoding="utf-8")[0].startswith("青山县")
    assert _lines(PAGE.replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', ""),
                  encoding="gb18030")[0].startswith("青山县")
    assert _lines(PAGE.replace("charset=gb2312", "charset=no-such-codec"), encoding="utf-8")[0].startswith("青山县")


def test_page_without_content_container_reads_its_text():
    lines = _lines(f"<html><body><div>{ARTICLE.replace('zoom', 'x')}</div></body></html>", encoding="utf-8")
    assert "一、总体情况" in lines


def test_a_txt_holding_html_is_read_as_the_page_and_says_so(rules):
    """A page pasted into a text file is read as the page, its chrome kept as lines and
    reported as furniture (a published .html page keeps only its article)."""
    as_text = read("page.txt", PAGE.encode("utf-8"))
    as_page = read("page.html", PAGE.encode("utf-8"))
    assert as_text.html_in_text and not as_page.html_in_text
    rest = iter(as_text.lines)
    assert all(line in rest for line in as_page.lines), "the article's lines, in order, among the page's"
    result = lint_bytes("page.txt", PAGE.encode("utf-8"), rules, Options())
    page = lint_bytes("page.html", PAGE.encode("utf-8"), rules, Options())
    assert result.report.title.text == page.report.title.text
    assert [s.heading.title for s in result.report.sections] == [s.heading.title for s in page.report.sections]
    chrome = [d for d in result.diagnostics if d.rule == "H103"]
    assert chrome and chrome[0].line == 6, "the header, the menu and the metadata table above the title"
    assert [d.line for d in result.diagnostics if d.rule == "H107"] == [as_text.origins[0]]
    raw = PAGE.splitlines()
    for d in result.diagnostics:  # positions refer to the lines of the file as given
        assert 0 < d.line <= len(raw) and d.fix is None


def test_a_report_inside_a_script_string_is_read_as_a_page():
    body = "<h1>青山县统计局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本局主动公开信息50条。<\\/p>"
    script = f'<script>\nlet content = "{body}";\ndocument.write(content);\n</script>\n'
    source = read("page.txt", script.encode("utf-8"))
    assert source.html_in_text
    assert list(source.lines[:3]) == ["青山县统计局2023年政府信息公开工作年度报告", "一、总体情况", "本局主动公开信息50条。"]


def test_text_mentioning_a_tag_stays_text():
    text = "青山县统计局2023年政府信息公开工作年度报告\n一、总体情况\n网页用<p>标签分段。\n"
    assert not read("r.txt", text.encode("utf-8")).html_in_text


def test_broken_or_empty_pages_never_raise(rules):
    for data in (b"", b"<", b"<?xml version='1.0' encoding='utf-8'?><html><p>\xe4\xb8\x80</p></html>",
                 b"<table><tr><td rowspan='x' colspan='-3'>1</td></tr></table>", b"\x00\x01"):
        result = lint_bytes("p.html", data, rules, Options())
        assert result.diagnostics is not None


def test_page_lints_with_locations(rules):
    result = lint_bytes("page.html", PAGE.encode("gbk"), rules, Options())
    assert result.report.year == 2023
    assert result.diagnostics and all(d.location for d in result.diagnostics)
    assert any(d.location.startswith("表1 第") for d in result.diagnostics)


def test_text_outside_any_block_is_read():
    assert _lines("<html><body>一、总体情况<br>正文。</body></html>", encoding="utf-8") == ["一、总体情况", "正文。"]


def test_a_page_without_tags_is_text():
    assert _lines("一、总体情况\n正文。\n", encoding="utf-8") == ["一、总体情况", "正文。"]


def test_layout_tables_are_walked_and_data_tables_read():
    page = ("<html><body><table><tr><td>首页</td></tr><tr><td>"
            "<p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table><p>正文。</p>"
            "</td></tr></table></body></html>")
    assert _lines(page, encoding="utf-8") == ["首页", "一、总体情况", "| 规章 | 0 |", "正文。"]


def test_a_form_around_the_page_and_a_layout_table_around_the_metadata_keep_the_article():
    page = PAGE.replace("<body>", "<body><form id='form1'><table><tr><td>").replace(
        "</body>", "</td></tr></table></form></body>")
    assert _lines(page)[:3] == _lines()[:3]
