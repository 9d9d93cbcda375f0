#!/usr/bin/python3
"""Writes data/countries.csv, the ISO 3166-1 table cardface validates nationalities against.

Source: Debian's iso-codes package (English names from iso_3166-1.json, Chinese names from its
zh_CN gettext catalogue). Columns: alpha3,numeric,alpha2,name_en,name_zh; one row per entry.

Names are the short forms a card prints: `common_name` where iso-codes has one ("South Korea",
"Bolivia"), else `name`. Deviations from iso-codes, each checked by eye against the short names
China's Ministry of Foreign Affairs and GB/T 2659 use:
  - zh: iso-codes' zh_CN catalogue carries a few Taiwan-style or misspelt names (柬埔塞,
    波利维亚, 瓜地马拉, 马尔他, 梵地冈, ...); ZH_OVERRIDES replaces them with mainland forms.
  - zh: the two Congos take the forms Chinese documents use to tell them apart, 刚果（布） and
    刚果（金）; TWN is 中国台湾, not the common name 台湾.
  - en: ISO's inverted "X, Y of" names with no common_name read badly on a card; EN_OVERRIDES
    gives their usual short forms. TWN keeps ISO's name ("Taiwan, Province of China").

Usage: tools/make-country-table.py [--output PATH]   (default: data/countries.csv beside tools/)
"""

import argparse
import csv
import gettext
import io
import json
import pathlib
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
LOCALE_DIR = "/usr/share/locale"

EN_OVERRIDES = {
    "COD": "Democratic Republic of the Congo",
    "FSM": "Micronesia",
    "PSE": "Palestine",
    "TWN": "Taiwan, Province of China",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
}

ZH_OVERRIDES = {
    "BGD": "孟加拉国",
    "BOL": "玻利维亚",
    "BWA": "博茨瓦纳",
    "COD": "刚果（金）",
    "COG": "刚果（布）",
    "FLK": "马尔维纳斯群岛（福克兰）",
    "GTM": "危地马拉",
    "IMN": "马恩岛",
    "KGZ": "吉尔吉斯斯坦",
    "KHM": "柬埔寨",
    "LCA": "圣卢西亚",
    "MLT": "马耳他",
    "PYF": "法属波利尼西亚",
    "SMR": "圣马力诺",
    "TWN": "中国台湾",
    "VAT": "梵蒂冈",
}

# Spot checks: a wrong catalogue or a broken override fails the run instead of the table.
EXPECTED = {
    "CAN": ("124", "CA", "Canada", "加拿大"),
    "DEU": ("276", "DE", "Germany", "德国"),
    "FRA": ("250", "FR", "France", "法国"),
    "GBR": ("826", "GB", "United Kingdom", "英国"),
    "IDN": ("360", "ID", "Indonesia", "印度尼西亚"),
    "JPN": ("392", "JP", "Japan", "日本"),
    "KAZ": ("398", "KZ", "Kazakhstan", "哈萨克斯坦"),
    "KHM": ("116", "KH", "Cambodia", "柬埔寨"),
    "KOR": ("410", "KR", "South Korea", "韩国"),
    "NGA": ("566", "NG", "Nigeria", "尼日利亚"),
    "PAK": ("586", "PK", "Pakistan", "巴基斯坦"),
    "PRK": ("408", "KP", "North Korea", "朝鲜"),
    "RUS": ("643", "RU", "Russian Federation", "俄罗斯"),
    "USA": ("840", "US", "United States", "美国"),
}


def build_rows():
    entries = json.load(open(ISO_JSON, encoding="utf-8"))["3166-1"]
    zh = gettext.translation("iso_3166-1", localedir=LOCALE_DIR, languages=["zh_CN"])
    rows = []
    for e in entries:
        alpha3 = e["alpha_3"]
        short = e.get("common_name", e["name"])
        name_en = EN_OVERRIDES.get(alpha3, short)
        name_zh = ZH_OVERRIDES.get(alpha3, zh.gettext(short))
        if name_zh == short or any("A" <= c <= "z" for c in name_zh):
            sys.exit(f"{alpha3}: no Chinese name in the catalogue for {short!r}")
        rows.append((alpha3, e["numeric"], e["alpha_2"], name_en, name_zh))
    rows.sort()
    return rows


def check(rows):
    if len(rows) != 249:
        sys.exit(f"expected 249 ISO 3166-1 entries, got {len(rows)}")
    for column in range(3):
        values = [r[column] for r in rows]
        if len(set(values)) != len(values):
            sys.exit(f"column {column + 1} has duplicate codes")
    by_alpha3 = {r[0]: r[1:] for r in rows}
    for alpha3, want in EXPECTED.items():
        if by_alpha3.get(alpha3) != want:
            sys.exit(f"{alpha3}: got {by_alpha3.get(alpha3)}, expected {want}")


def main():
    default = pathlib.Path(__file__).resolve().parent.parent / "data" / "countries.csv"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=pathlib.Path, default=default)
    args = parser.parse_args()

    rows = build_rows()
    check(rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(("alpha3", "numeric", "alpha2", "name_en", "name_zh"))
    writer.writerows(rows)
    args.output.write_text(out.getvalue(), encoding="utf-8")
    print(f"wrote {len(rows)} countries to {args.output}")


if __name__ == "__main__":
    main()
