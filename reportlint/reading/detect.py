"""What a report is about: its year, era, issuer and the issuer's level."""

from __future__ import annotations

from collections import Counter
from itertools import islice

from reportlint import patterns, wordlists
from reportlint.normalize import norm

LEVELS = ("ministry", "province", "province_dept", "city", "city_dept",
          "county", "county_dept", "township", "street")

_YEAR = patterns.compile(r"((?:19|20)\d{2})\s*年")
_PERIOD = patterns.compile(r"统计(?:期限|周期|时限|时间|区间)[^。]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_TITLE_TAIL = patterns.compile(r"(?:关于)?(?:政府信息公开|政务公开|信息公开).*$")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_DEPT_END = patterns.compile(r"(局|委|委员会|办|办公室|厅|中心|院|署|部|会|所|站|队|馆|处|支队|大队|公司)$")
_OTHER_DOCUMENTS = ("总结", "计划", "要点", "方案", "通知", "意见", "办法", "规定", "指南", "目录", "制度",
                    "细则", "解读", "自查")
# the name of the report inside another document's title: 关于做好…年度报告编制工作的通知,
# 《…年度报告》解读, 文字解读：…年度报告, …政务公开工作自查报告
_REPORT_NAME = patterns.compile(r"年度报告|年报|报告")
_HAN = patterns.compile(r"[\u4e00-\u9fff]")
_LATIN = patterns.compile(r"[A-Za-z]")
_TWO_DIGITS = patterns.compile(r"^\d{2}(?=[\u4e00-\u9fff])")
_REPORT_END = patterns.compile(r"(?:报告|年报)$")
_BRACKETED_END = patterns.compile(r"[（(][^）)]{1,8}[）)]$")
_PUBLISHING = patterns.compile(r"关于(?:公布|印发|发布|公开)")
_SENTENCE_MARK = patterns.compile(r"[。，,；;]")
# an issuer's name, by what it ends with and holds
_STREET = patterns.compile(r"(街道办事处|街道|街道办)$")
_TOWNSHIP = patterns.compile(r"[镇乡](人民政府|政府)?$")
_MINISTRY = patterns.compile(r"^[^省市县区]*部$")
_GOVERNMENT = patterns.compile(r"(人民政府|政府)$")
_COUNTY_IN_CITY = patterns.compile(r"[区县].*")
_PROVINCE_END = patterns.compile(r"(省|自治区)$")
_PROVINCE = patterns.compile(r"(省|自治区)")
_BELOW_PROVINCE = patterns.compile(r"[市县区旗]")
_COUNTY = patterns.compile(r"[县旗]|区(?!域)")


def title_year_issuer(title: str) -> tuple[int | None, str | None]:
    """(year, issuer) read from a title such as 某某县人民政府2023年政府信息公开工作年度报告."""
    text = norm(title).lstrip("#")
    m = _YEAR.search(text)
    year = int(m.group(1)) if m else None
    if m:
        before, after = text[: m.start()], text[m.end():]
        issuer = before.removesuffix("关于") or _TITLE_TAIL.sub("", after.lstrip("度"))
    else:  # no year, or one of two digits: 09沈阳市政府信息公开报告
        issuer = _TWO_DIGITS.sub("", _TITLE_TAIL.sub("", text))
    issuer = issuer.strip("《》\"'“”") or None
    if issuer and wordlists.regex("spam", "words", literal=True).search(issuer):
        issuer = None  # a hijacked copy: spam where the issuer's name stood
    if issuer and _REPORT_END.search(issuer):
        issuer = None  # the name of the report alone (工作年度报告): the issuer's part is lost
    return year, issuer


def text_year(text: str) -> int | None:
    """The report year from the text: the statistical period, else the commonest year early on."""
    m = _PERIOD.search(text)
    if m:
        return int(m.group(1))
    years = Counter(int(y) for y in _YEAR.findall(text[:4000]))
    if not years:
        return None
    best = max(years.values())
    return min(y for y, n in years.items() if n == best)


def issuer_level(issuer: str | None, text: str) -> str | None:
    """The issuer's level, from its name, else from how the text refers to itself."""
    if issuer:
        level = _level_of_name(norm(issuer))
        if level:
            return level
    head = text[:3000]
    for words, level in ((("我街道", "本街道", "街道办事处"), "street"),
                         (("我镇", "我乡", "本镇", "本乡", "镇人民政府", "乡人民政府"), "township")):
        if any(w in head for w in words):
            return level
    return None


def _level_of_name(name: str) -> str | None:
    if _STREET.search(name):
        return "street"
    if _TOWNSHIP.search(name):
        return "township"
    if name.startswith(("国务院", "国家", "中华人民共和国", "中国")) or _MINISTRY.search(name):
        return "ministry"
    government = _GOVERNMENT.search(name)
    unit = name[: government.start()] if government else _DEPT_END.sub("", name)
    if not government and not _DEPT_END.search(name):
        return None
    if name.startswith(_MUNICIPALITIES) and not _COUNTY_IN_CITY.search(name[3:]):
        admin = "province"
    elif _PROVINCE_END.search(unit) or (_PROVINCE.search(unit) and not _BELOW_PROVINCE.search(unit)):
        admin = "province"
    elif _COUNTY.search(unit):
        admin = "county"
    elif "市" in unit:
        admin = "city"
    else:
        return None
    return admin if government else f"{admin}_dept"


def names_other_document(text: str) -> bool:
    """Whether a title-like line names another document about the report: a notice, a
    reading (解读), a self-inspection, a set of rules."""
    n = norm(text)
    names = list(_REPORT_NAME.finditer(n))
    if not names:
        return any(n.endswith(w) for w in _OTHER_DOCUMENTS)
    before, after = n[:names[-1].start()], n[names[-1].end():].rstrip("。》”\" ")
    after = _BRACKETED_END.sub("", after)  # (试行), (2023年修订)
    if after.endswith("通知") and _PUBLISHING.search(before):
        return False  # the notice that publishes the report: the report follows
    return after.endswith(_OTHER_DOCUMENTS) or before.endswith("自查") or "解读" in before


def looks_like_report(title: str | None, head: list[str], text: str,
                      sections_matched: int, has_tables: bool) -> bool:
    """False for a document that is evidently not an annual report: one written mostly in
    a Latin script, or with no title, a line above its text names another document (a
    work summary, a notice about the reports)."""
    latin = len(_LATIN.findall(text))
    # its Chinese characters counted only up to as many: that many already make it Chinese
    han = sum(1 for _ in islice(_HAN.finditer(text), latin))
    if latin > 0.7 * (latin + han):
        return False
    if title is None:
        lines = [norm(line) for line in head]
        for line, joined in zip(lines, (a + b for a, b in zip(["", *lines], lines))):
            # a title may stand on two lines: 某某办公室关于公布 / …年度报告的通知
            if len(line) <= 60 and not _SENTENCE_MARK.search(line) and (
                    names_other_document(line) and names_other_document(joined)
                    or any(w in line for w in _OTHER_DOCUMENTS) and "年度报告" not in line):
                return False
    return title is not None or has_tables or sections_matched >= 1
