"""Japanese era (和暦) dates: 令和3年7月, 令和元年度, 令和3年度～令和7年度."""

from __future__ import annotations

import datetime as dt

# (first day of the era, name), newest first
ERAS = (
    (dt.date(2019, 5, 1), "令和"),
    (dt.date(1989, 1, 8), "平成"),
    (dt.date(1926, 12, 25), "昭和"),
    (dt.date(1912, 7, 30), "大正"),
    (dt.date(1868, 10, 23), "明治"),
)


def era_year(day: dt.date) -> str:
    """The era and year of a day: 令和元年, 令和3年."""
    for start, name in ERAS:
        if day >= start:
            year = day.year - start.year + 1
            return f"{name}{'元' if year == 1 else year}年"
    raise ValueError(f"{day} is before the Meiji era")


def year_month(year: int, month: int) -> str:
    """令和3年7月 (the era in force on the first day of the month)."""
    return f"{era_year(dt.date(year, month, 1))}{month}月"


def date(day: dt.date) -> str:
    """令和3年1月12日."""
    return f"{era_year(day)}{day.month}月{day.day}日"


def fiscal_year(year: int) -> str:
    """令和3年度 for the fiscal year that starts in April 2021; the fiscal year 2019 is 令和元年度."""
    return f"{era_year(dt.date(year, 5, 1))}度"


def fiscal_period(first: int, last: int) -> str:
    """令和3年度～令和7年度."""
    return f"{fiscal_year(first)}～{fiscal_year(last)}"


def date_range(first: dt.date, last: dt.date, *, repeat_era: bool = True) -> str:
    """令和3年5月28日～令和3年6月16日, or 令和3年1月12日～2月28日 when repeat_era is False and the year is shared."""
    end = date(last)
    if not repeat_era and era_year(first) == era_year(last):
        end = f"{last.month}月{last.day}日"
    return f"{date(first)}～{end}"
